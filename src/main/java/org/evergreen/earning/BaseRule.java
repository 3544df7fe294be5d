package org.evergreen.earning;

import java.math.BigDecimal;
import java.time.Instant;

/** One version of a merchant's base earning rate: points per yuan spent, applying from a disclosed time. */
public record BaseRule(long merchantId, int version, BigDecimal pointsPerYuan, Instant disclosedAt, Instant effectiveFrom) {
}
