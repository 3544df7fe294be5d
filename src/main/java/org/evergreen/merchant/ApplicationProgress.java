package org.evergreen.merchant;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What an applicant may see of their own application: its state and, once decided, the reason; once approved, the name
 * their owner signs in with (the initial password reaches them from the reviewer, never through this page).
 */
public record ApplicationProgress(String nameZh, ApplicationStatus status, @Nullable String decisionReason,
                                  Instant submittedAt, @Nullable Instant decidedAt, @Nullable String ownerUsername) {
}
