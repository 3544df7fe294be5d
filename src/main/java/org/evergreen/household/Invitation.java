package org.evergreen.household;

import java.time.Instant;

/** A one-time invitation: the code to type, or the link that carries it, until it expires. */
public record Invitation(String code, Instant expiresAt) {

    public String path() {
        return "member/household/join?code=" + code;
    }
}
