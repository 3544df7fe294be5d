package org.evergreen.shared.i18n;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formats stored UTC values for people: in the platform's time zone and the reader's language. */
@Component
public class DisplayFormats {

    private final ZoneId zone;

    public DisplayFormats(@Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(SupportedLocales.bestMatch(locale)).withZone(zone).format(instant);
    }

    public String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(SupportedLocales.bestMatch(locale)).withZone(zone).format(instant);
    }

    public String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(SupportedLocales.bestMatch(locale)).format(value);
    }

    /**
     * A decimal as people write it, for a message argument: 0.005, 12.5, 20000. Given the number itself,
     * MessageFormat would group its digits and round it to three decimals.
     */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** An amount of money as a receipt shows it: ¥2,064.50 for yuan, the ISO code before any other currency. */
    public static String money(BigDecimal amount, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        String figure = format.format(amount);
        return "CNY".equals(currency) ? "¥" + figure : currency + " " + figure;
    }
}
