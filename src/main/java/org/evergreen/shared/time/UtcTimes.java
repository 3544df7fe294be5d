package org.evergreen.shared.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Times are stored as UTC in DATETIME(6) columns. Converting here, instead of trusting the JDBC driver's
 * idea of the JVM time zone, keeps the stored values identical on every node and every server.
 */
public final class UtcTimes {

    private UtcTimes() {
    }

    public static LocalDateTime toColumn(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromColumn(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
