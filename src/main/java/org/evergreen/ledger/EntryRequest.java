package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A journal entry to post.
 *
 * @param origin          who assigns the idempotency key (e.g. {@code till:17}, {@code catalog}); keys are unique per origin
 * @param idempotencyKey  the same origin and key posted again returns the first entry and changes nothing
 * @param actor           who caused it (a user id, an API key, {@code system})
 * @param reason          a short reason code, shown to members translated (e.g. {@code purchase}, {@code expiry})
 * @param reference       what caused it (e.g. {@code purchase:812}, {@code redemption:77}, {@code case:C-2026-19})
 * @param caseReference   the recorded case that allows a freeze, unfreeze or deduction
 * @param lotExpiresAt    expiry of points credited to a member from a platform or merchant account; null: never
 */
public record EntryRequest(
        EntryKind kind,
        String origin,
        String idempotencyKey,
        String actor,
        String reason,
        @Nullable String reference,
        @Nullable String caseReference,
        List<Posting> postings,
        @Nullable Instant lotExpiresAt) {

    public EntryRequest {
        postings = List.copyOf(postings);
    }
}
