package org.evergreen.member;

import org.evergreen.member.internal.MemberNumbers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberNumbersTest {

    @RepeatedTest(20)
    void newNumbersHaveTwelveDigitsAndAValidCheckDigit() {
        String number = MemberNumbers.next();
        assertThat(number).matches("9\\d{11}");
        assertThat(MemberNumbers.isValid(number)).isTrue();
    }

    @Test
    void aMistypedDigitOrSwappedNeighboursAreCaught() {
        // Luhn check digit of 91234567890 is 4.
        String valid = "912345678904";
        assertThat(MemberNumbers.isValid(valid)).isTrue();
        assertThat(MemberNumbers.isValid("912355678904")).isFalse();
        assertThat(MemberNumbers.isValid("913245678904")).isFalse();
        assertThat(MemberNumbers.isValid("91234")).isFalse();
        assertThat(MemberNumbers.isValid("91234567890a")).isFalse();
    }
}
