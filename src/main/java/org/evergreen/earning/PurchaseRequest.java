package org.evergreen.earning;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A purchase as a till reports it. Amounts are yuan (CNY) with at most two decimals. The member is named by
 * exactly one of their member number or a one-time code they show.
 *
 * @param storeId the store where the purchase was made, if the till names it: it must be the store of the till's key. It is
 *                read, never written: the request's fingerprint leaves it out, since the key names the store anyway, and a
 *                retry that adds or drops it (or one sent before tills could name it) is the same purchase
 */
public record PurchaseRequest(@Nullable String memberNumber, @Nullable String memberCode,
                              @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Nullable Long storeId, String receiptNumber,
                              Instant purchasedAt, String currency, BigDecimal total, List<Line> lines) {

    /**
     * One line of the receipt.
     *
     * @param co2eGrams the CO₂e one unit of a green product avoids, in grams, from the product's data; null if unknown
     */
    public record Line(String sku, String name, String category, int quantity, BigDecimal unitPrice, boolean green,
                       @Nullable Long co2eGrams) {
    }
}
