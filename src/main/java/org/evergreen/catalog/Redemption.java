package org.evergreen.catalog;

import org.evergreen.shared.i18n.SupportedLocales;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A member's redemption of a reward and where it stands.
 *
 * @param cashAmount         the cash part of a points + cash redemption, paid at fulfilment; null: points only
 * @param compensationPoints what the member received when the merchant cancelled; null otherwise
 * @param fromPool           paid with the household pool's points rather than the member's own
 */
public record Redemption(long id, String code, long memberId, long rewardId, long merchantId, String rewardNameZh,
                         String rewardNameEn, int quantity, long points, @Nullable BigDecimal cashAmount, String currency,
                         RedemptionStatus status, Instant createdAt, Instant expiresAt, @Nullable Instant resolvedAt,
                         @Nullable String cancelReason, @Nullable Long compensationPoints, boolean fromPool) {

    /** The same with its code masked to the last 4 characters: staff see lists, the member shows the whole code. */
    public Redemption forStaff() {
        return new Redemption(id, "••••••" + code.substring(code.length() - 4), memberId, rewardId, merchantId, rewardNameZh,
                rewardNameEn, quantity, points, cashAmount, currency, status, createdAt, expiresAt, resolvedAt, cancelReason,
                compensationPoints, fromPool);
    }

    public String rewardName(Locale locale) {
        return SupportedLocales.pick(locale, rewardNameZh, rewardNameEn);
    }
}
