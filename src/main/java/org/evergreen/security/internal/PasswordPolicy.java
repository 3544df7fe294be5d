package org.evergreen.security.internal;

import org.evergreen.shared.validation.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Length and a block-list rather than composition rules (NIST SP 800-63B): 8 to 64 characters, not only
 * digits, not containing the login name, and not one of the passwords every attacker tries first.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;
    private static final int BCRYPT_MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password123", "passw0rd", "qwertyui", "qwerty123", "iloveyou",
            "abcdefgh", "abc12345", "abcd1234", "woaini1314", "aaaaaaaa", "1q2w3e4r", "zaq12wsx");

    private PasswordPolicy() {
    }

    public static void check(String field, String password, String loginName) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                || password.chars().allMatch(Character::isDigit)
                || COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "validation.password.weak", MIN_LENGTH, MAX_LENGTH);
        }
        // bcrypt reads at most 72 bytes; about 24 Chinese characters already reach that.
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw new InvalidInputException(field, "validation.password.tooManyBytes");
        }
        if (!loginName.isBlank() && password.toLowerCase(Locale.ROOT).contains(loginName.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "validation.password.containsLogin");
        }
    }
}
