package org.evergreen.earning;

import java.time.Instant;

/** One disclosed version of a merchant's rules: public from {@code disclosedAt}, applied from {@code effectiveFrom}. */
public record RuleSetVersion(long merchantId, int version, RuleSet rules, Instant disclosedAt, Instant effectiveFrom) {
}
