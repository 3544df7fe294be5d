package org.evergreen.green;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * One version of a method's factor, as published and never changed: grams of CO₂e avoided per unit or per yuan against
 * the stated baseline, where the figure comes from, and when it applies. It applies from {@code validFrom} until the
 * next version starts, or until {@code validUntil} if the method was ended.
 */
public record FactorVersion(long id, long methodId, int version, BigDecimal gramsPerBasis, String baselineZh, String baselineEn,
                            String source, Instant validFrom, @Nullable Instant validUntil, Instant publishedAt) {

    public String baseline(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? baselineZh : baselineEn;
    }
}
