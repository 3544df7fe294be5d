package org.evergreen.green;

import com.vaadin.flow.i18n.I18NProvider;

import java.text.NumberFormat;
import java.util.Locale;

/** How reports write amounts of CO₂e and other figures, the same on the page and in the PDF. */
public final class ImpactFormats {

    private ImpactFormats() {
    }

    /** An amount of CO₂e as kilograms with one decimal ("35.6 kg") or, below one kilogram, grams ("220 g"). */
    public static String co2e(long grams, Locale locale, I18NProvider translations) {
        return grams != 0 && Math.abs(grams) < 1_000 ? translations.getTranslation("green.grams", locale, decimal(grams, 0, locale))
                : translations.getTranslation("green.kilograms", locale, decimal(grams / 1_000.0, 1, locale));
    }

    public static String decimal(double value, int maximumFractionDigits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(maximumFractionDigits);
        return format.format(value);
    }
}
