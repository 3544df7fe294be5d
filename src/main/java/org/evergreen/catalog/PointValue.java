package org.evergreen.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The published value of a point and the floor below which no reward may price it.
 *
 * @param yuanPerPoint  e.g. 0.01: 100 points are worth about 1 yuan
 * @param floorPerPoint a price whose points buy less than this per point is refused
 */
public record PointValue(BigDecimal yuanPerPoint, BigDecimal floorPerPoint, Instant effectiveFrom, Instant announcedAt) {
}
