package org.evergreen.green;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A published method of the registry: a kind of green consumption, the categories and SKUs that fall under it, and its
 * factor versions, oldest first.
 */
public record GreenMethod(long id, String code, FactorBasis basis, String nameZh, String nameEn, String descriptionZh,
                          String descriptionEn, List<String> categories, List<String> skus, List<FactorVersion> versions) {

    public String name(Locale locale) {
        return chinese(locale) ? nameZh : nameEn;
    }

    public String description(Locale locale) {
        return chinese(locale) ? descriptionZh : descriptionEn;
    }

    /** The version in force at that time: the newest one started by then, unless it was ended. */
    public @Nullable FactorVersion versionAt(Instant time) {
        FactorVersion inForce = null;
        for (FactorVersion version : versions) {
            if (!version.validFrom().isAfter(time)) {
                inForce = version;
            }
        }
        return inForce == null || inForce.validUntil() != null && !inForce.validUntil().isAfter(time) ? null : inForce;
    }

    /** The end of a version: the next version's start, or its own end if it was the last and the method was ended. */
    public @Nullable Instant endOf(FactorVersion version) {
        int next = versions.indexOf(version) + 1;
        return next < versions.size() ? versions.get(next).validFrom() : version.validUntil();
    }

    /** Grams of CO₂e that {@code quantity} units costing {@code amount} in all avoid under this factor, rounded down. */
    public long co2eGrams(FactorVersion version, int quantity, BigDecimal amount) {
        BigDecimal basis = this.basis == FactorBasis.UNIT ? BigDecimal.valueOf(quantity) : amount;
        return version.gramsPerBasis().multiply(basis).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static boolean chinese(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage());
    }
}
