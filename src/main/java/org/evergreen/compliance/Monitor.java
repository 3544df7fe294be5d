package org.evergreen.compliance;

import java.math.BigDecimal;

/**
 * The anomaly monitors and the thresholds they start with. Each finds what looks like 刷单 or 套取 for an admin to
 * review; none ever freezes or deducts a point by itself.
 */
public enum Monitor {
    /** The same receipt number at {@code threshold} or more merchants' tills within {@code window} minutes. */
    DUPLICATE_RECEIPT(2, 10, null, null),
    /** {@code threshold} or more members earning at one store between midnight and 5 a.m. (local time) of one night. */
    ODD_HOURS(10, 300, null, null),
    /** {@code threshold} or more members who bought and then gave points to one member within {@code window} minutes. */
    GIFT_CHAIN(3, 7 * 24 * 60, null, null),
    /**
     * {@code threshold} or more purchases by one member at one store within {@code window} minutes, each just under
     * {@code amount} (within {@code percent} % below it): the spend a bonus asks for, approached but not reached, again and again.
     */
    JUST_UNDER_THRESHOLD(3, 24 * 60, new BigDecimal("100.00"), 10),
    /** {@code threshold} or more purchases at one store in {@code window} minutes, {@code percent} % of its usual rate or more. */
    BURST(20, 60, null, 500);

    private final MonitorSettings defaults;

    Monitor(int threshold, int windowMinutes, BigDecimal amount, Integer percent) {
        this.defaults = new MonitorSettings(this, true, threshold, windowMinutes, amount, percent);
    }

    public MonitorSettings defaults() {
        return defaults;
    }
}
