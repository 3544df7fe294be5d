package org.evergreen.shared.validation;

import java.util.regex.Pattern;

/** Checks shared by every form and API: plain text of bounded length, phone numbers, e-mail addresses. */
public final class TextRules {

    /** Mainland China mobile numbers. */
    private static final Pattern PHONE = Pattern.compile("^1[3-9]\\d{9}$");
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}$");
    /** Markup and control characters have no business in names or addresses. */
    private static final Pattern UNSAFE = Pattern.compile("[<>\\p{Cntrl}]");

    private TextRules() {
    }

    /** Trimmed, required, at most {@code maxLength} characters, no markup: else {@link InvalidInputException}. */
    public static String requirePlainText(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidInputException(field, "validation.tooLong", maxLength);
        }
        if (UNSAFE.matcher(trimmed).find()) {
            throw new InvalidInputException(field, "validation.unsafeCharacters");
        }
        return trimmed;
    }

    /** Whether {@link #requirePlainText} would accept the value. */
    public static boolean isPlainText(String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        return !trimmed.isEmpty() && trimmed.codePointCount(0, trimmed.length()) <= maxLength && !UNSAFE.matcher(trimmed).find();
    }

    public static boolean isPhone(String value) {
        return value != null && PHONE.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }
}
