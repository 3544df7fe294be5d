package org.evergreen.catalog;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a reward's price history: a regular price from {@code startsAt}, or a campaign price for a window. */
public record PriceChange(long id, boolean campaign, long points, @Nullable Long cashOptionPoints,
                          @Nullable BigDecimal cashOptionAmount, Instant startsAt, @Nullable Instant endsAt, Instant recordedAt) {
}
