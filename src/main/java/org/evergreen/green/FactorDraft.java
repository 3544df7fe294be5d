package org.evergreen.green;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A factor version to publish.
 *
 * @param validUntil when the method ends, if it does; the next version otherwise ends this one
 */
public record FactorDraft(BigDecimal gramsPerBasis, String baselineZh, String baselineEn, String source, Instant validFrom,
                          @Nullable Instant validUntil) {
}
