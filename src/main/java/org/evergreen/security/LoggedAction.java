package org.evergreen.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One administrative change as the action log keeps it.
 *
 * @param action  what was done, a stable code (e.g. {@code rules.disclosed}) the portal names in the reader's language
 * @param subject what it was done to (e.g. {@code merchant:3}, {@code reward:12})
 * @param detail  the values set, as entered
 */
public record LoggedAction(long id, Instant actedAt, long actorId, String actorName, Role actorRole, @Nullable Long merchantId,
                           String action, String subject, String detail) {
}
