package org.evergreen.compliance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** A case with everything recorded on it: the evidence, the member's appeal, and its timeline. */
public record CaseFile(PointsCase pointsCase, List<Evidence> evidence, List<Event> timeline) {

    /**
     * A note or a file, of the case or of the member's appeal; a file is kept with its SHA-256.
     *
     * @param party {@code CASE} or {@code APPEAL}
     */
    public record Evidence(long id, String party, @Nullable String note, @Nullable String fileName, @Nullable String sha256,
                           long addedBy, Instant addedAt) {
    }

    public record Event(Instant at, long actorId, String event, String detail) {
    }
}
