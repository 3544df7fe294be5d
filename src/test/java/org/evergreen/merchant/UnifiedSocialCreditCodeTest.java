package org.evergreen.merchant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsPublishedCodes() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("9144030071526726XG")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91110000802100433B")).isTrue();
    }

    @Test
    void refusesWrongLengthLettersOutsideTheAlphabetAndWrongCheckCharacters() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y433")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100I000100Y43")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }
}
