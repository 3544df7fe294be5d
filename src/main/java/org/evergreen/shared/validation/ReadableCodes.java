package org.evergreen.shared.validation;

import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random codes that people read aloud and type (redemption codes, household invitations): capital letters and
 * digits without the look-alikes I, L, O, 0 and 1; case, spaces and dashes do not matter when typed back.
 */
public final class ReadableCodes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReadableCodes() {
    }

    public static String random(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What was typed, as it is stored: upper case, without spaces or dashes. */
    public static String normalize(@Nullable String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
