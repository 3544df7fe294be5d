package org.evergreen.compliance;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/** One monitor's thresholds: what each means is told by {@link Monitor}; amount and percent only where it uses them. */
public record MonitorSettings(Monitor monitor, boolean enabled, int threshold, int windowMinutes, @Nullable BigDecimal amount,
                              @Nullable Integer percent) {
}
