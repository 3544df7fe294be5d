package org.evergreen.earning.internal;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A hash of what a request asked for, to tell a replay from a reused idempotency key. */
public final class RequestFingerprints {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private RequestFingerprints() {
    }

    public static String of(String scope, Object request) {
        try {
            byte[] bytes = (scope + "\n" + CANONICAL.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
