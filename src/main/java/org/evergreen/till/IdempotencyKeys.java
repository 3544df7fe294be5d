package org.evergreen.till;

import org.evergreen.till.TillApiProblems.TillApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Every write names its Idempotency-Key: required, and of at most {@link #MAX_LENGTH} characters. */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 128;

    private IdempotencyKeys() {
    }

    static String require(@Nullable String presented) {
        if (presented == null || presented.isBlank()) {
            throw new TillApiException(HttpStatus.BAD_REQUEST, "idempotency-key-required");
        }
        String key = presented.strip();
        if (key.length() > MAX_LENGTH) {
            throw new TillApiException(HttpStatus.BAD_REQUEST, "idempotency-key-too-long", "api.problem.idempotency-key-too-long.detail",
                    MAX_LENGTH, key.length());
        }
        return key;
    }
}
