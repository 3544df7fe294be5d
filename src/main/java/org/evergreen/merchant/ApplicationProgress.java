package org.evergreen.merchant;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** What an applicant may see of their own application: its state and, once decided, the reason. */
public record ApplicationProgress(String nameZh, ApplicationStatus status, @Nullable String decisionReason,
                                  Instant submittedAt, @Nullable Instant decidedAt) {
}
