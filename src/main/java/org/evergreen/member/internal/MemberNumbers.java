package org.evergreen.member.internal;

import java.security.SecureRandom;

/** 12-digit member numbers: a leading 9, ten random digits and a Luhn check digit that catches typing errors at tills. */
public final class MemberNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MemberNumbers() {
    }

    public static String next() {
        StringBuilder digits = new StringBuilder("9");
        for (int i = 0; i < 10; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    public static boolean isValid(String number) {
        return number != null && number.matches("\\d{12}")
                && checkDigit(number.substring(0, 11)) == number.charAt(11) - '0';
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
