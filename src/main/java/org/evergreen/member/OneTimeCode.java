package org.evergreen.member;

import java.time.Instant;

/** A code a member shows at the till instead of their member number: ten digits, short-lived, used once. */
public record OneTimeCode(String code, Instant expiresAt) {
}
