package org.evergreen.catalog;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a till is answered when it fulfils a redemption.
 *
 * @param cashDue the cash part the member pays at the counter; null: points only
 * @param replay  true when this answers a request already handled under the same idempotency key
 */
public record FulfilmentResult(String code, long rewardId, String rewardNameZh, String rewardNameEn, int quantity, long points,
                               @Nullable BigDecimal cashDue, @Nullable String currency, Instant fulfilledAt, boolean replay) {
}
