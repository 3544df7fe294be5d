package org.evergreen.catalog;

import org.evergreen.shared.i18n.SupportedLocales;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** A reward as its own merchant manages it. */
public record MerchantReward(long id, RewardKind kind, String category, String nameZh, String nameEn, BigDecimal retailValue,
                             RewardPrice price, long regularPoints, @Nullable Long stockLeft, long redeemed,
                             @Nullable Integer perMemberLimit, int redeemWithinDays, Instant availableFrom,
                             @Nullable Instant availableUntil, boolean green, boolean listed, int images) {

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }
}
