package org.evergreen.compliance;

import org.jspecify.annotations.Nullable;

/**
 * What an audit report covers: the whole coalition, one merchant (the points its accounts issued and redeemed), or
 * one district (the merchants with a store there, each whole: a merchant's points are not split between its stores).
 */
public record ReportScope(Kind kind, @Nullable Long merchantId, @Nullable String regionCode) {

    public enum Kind { COALITION, MERCHANT, REGION }

    public static ReportScope coalition() {
        return new ReportScope(Kind.COALITION, null, null);
    }

    public static ReportScope merchant(long merchantId) {
        return new ReportScope(Kind.MERCHANT, merchantId, null);
    }

    public static ReportScope region(String regionCode) {
        return new ReportScope(Kind.REGION, null, regionCode);
    }
}
