package org.evergreen.security;

/** A member account was created; listeners create the member's profile in the same transaction. */
public record MemberRegistered(long userId) {
}
