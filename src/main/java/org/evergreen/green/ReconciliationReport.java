package org.evergreen.green;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * A check of the members' monthly green aggregates against the purchase records.
 *
 * @param compared    member-months compared
 * @param mismatches  member-months that differ
 * @param differences the first differing member-months, with both figures of each field that differs
 */
public record ReconciliationReport(Instant ranAt, long compared, long mismatches, List<Difference> differences) {

    /** At most this many differences are kept. */
    public static final int DIFFERENCES_KEPT = 100;

    /** A member-month whose aggregate differs from the recomputation. */
    public record Difference(long memberId, YearMonth month, List<Field> fields) {

        /** The kept form: {@code 42|2026-12|spend:42.00:41.00;co2eGrams:17684:17679}. */
        String stored() {
            return memberId + "|" + month + "|" + String.join(";", fields.stream().map(field -> field.name() + ":" + field.kept() + ":"
                    + field.recomputed()).toList());
        }

        static Difference parse(String stored) {
            String[] parts = stored.split("\\|");
            return new Difference(Long.parseLong(parts[0]), YearMonth.parse(parts[1]), Arrays.stream(parts[2].split(";"))
                    .map(field -> field.split(":")).map(field -> new Field(field[0], field[1], field[2])).toList());
        }
    }

    /**
     * One figure that differs: {@code purchases}, {@code spend}, {@code greenSpend} or {@code co2eGrams}, as kept in the
     * aggregate and as recomputed.
     */
    public record Field(String name, String kept, String recomputed) {
    }
}
