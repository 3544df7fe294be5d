package org.evergreen.shared.i18n;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Bilingual texts and decimals as the pages and messages show them. */
class SupportedLocalesTest {

    @Test
    void englishReadersGetTheEnglishTextAndEveryoneElseTheChinese() {
        assertThat(SupportedLocales.pick(Locale.ENGLISH, "绿色", "Green")).isEqualTo("Green");
        assertThat(SupportedLocales.pick(Locale.UK, "绿色", "Green")).isEqualTo("Green");
        assertThat(SupportedLocales.pick(Locale.SIMPLIFIED_CHINESE, "绿色", "Green")).isEqualTo("绿色");
        assertThat(SupportedLocales.pick(Locale.FRENCH, "绿色", "Green")).isEqualTo("绿色");
    }

    @Test
    void decimalsArePlainWithoutTrailingZerosGroupingOrExponents() {
        assertThat(DisplayFormats.plain(new BigDecimal("0.00500"))).isEqualTo("0.005");
        assertThat(DisplayFormats.plain(new BigDecimal("20000.00"))).isEqualTo("20000");
        assertThat(DisplayFormats.plain(new BigDecimal("1.2"))).isEqualTo("1.2");
    }
}
