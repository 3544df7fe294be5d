package org.evergreen.green.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What one purchase adds to the green aggregates, or one refund (negative): kept as a contribution until folded in.
 *
 * @param day        the purchase's day; none for a purchase counted before the methods, which only its member's month has
 * @param regionCode the store's district then, {@code Region.UNPLACED} for a store not placed yet
 * @param purchases  1 for a purchase, -1 for the refund that empties it, 0 for other refunds
 */
public record AggregateChange(long memberId, long merchantId, long storeId, String regionCode, @Nullable String merchantCategory, LocalDate month,
                              @Nullable LocalDate day, int purchases, BigDecimal spend, long points, long greenPoints,
                              List<GreenLine> greenLines) {

    /** One green line's share, signed: units, spend and CO₂e; a refund's line has no name. */
    public record GreenLine(String sku, String name, String methodCode, long units, BigDecimal greenSpend, long co2eGrams) {
    }

    BigDecimal greenSpend() {
        return greenLines.stream().map(GreenLine::greenSpend).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    long co2eGrams() {
        return greenLines.stream().mapToLong(GreenLine::co2eGrams).sum();
    }
}
