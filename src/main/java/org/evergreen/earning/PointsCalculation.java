package org.evergreen.earning;

import java.util.List;

/** The points a basket earns, rule by rule. */
public record PointsCalculation(List<RuleLine> lines) {

    public PointsCalculation {
        lines = List.copyOf(lines);
    }

    public long points() {
        return lines.stream().mapToLong(RuleLine::points).sum();
    }

    /** The part the platform pays from its promotion account. */
    public long platformPoints() {
        return lines.stream().filter(RuleLine::platformFunded).mapToLong(RuleLine::points).sum();
    }

    public long merchantPoints() {
        return points() - platformPoints();
    }
}
