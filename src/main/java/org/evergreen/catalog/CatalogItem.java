package org.evergreen.catalog;

import org.evergreen.merchant.PublicMerchant;
import org.evergreen.shared.i18n.SupportedLocales;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A reward as the catalog lists it to a member.
 *
 * @param regularPoints the regular points price; {@code price.points()} is lower while a campaign price applies
 * @param stockLeft     null: unlimited
 * @param missingPoints how many more points the member needs for the cheaper way to redeem, points only or points +
 *                      cash (0: affordable now)
 */
public record CatalogItem(long id, PublicMerchant merchant, RewardKind kind, String category, String nameZh, String nameEn,
                          String descriptionZh, String descriptionEn, BigDecimal retailValue, RewardPrice price,
                          long regularPoints, @Nullable Long stockLeft, @Nullable Integer perMemberLimit,
                          int redeemWithinDays, @Nullable Instant availableUntil, boolean green, @Nullable Long imageId,
                          long missingPoints) {

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }

    public String description(Locale locale) {
        return SupportedLocales.pick(locale, descriptionZh, descriptionEn);
    }

    public boolean soldOut() {
        return stockLeft != null && stockLeft == 0;
    }
}
