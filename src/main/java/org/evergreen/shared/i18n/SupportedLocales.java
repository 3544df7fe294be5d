package org.evergreen.shared.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Evergreen speaks. Simplified Chinese first: it is the default for unknown browsers. */
public final class SupportedLocales {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(CHINESE, ENGLISH);

    private SupportedLocales() {
    }

    /** The supported locale that best matches the given one (same language), else Chinese. */
    public static Locale bestMatch(Locale requested) {
        if (requested != null && ENGLISH.getLanguage().equals(requested.getLanguage())) {
            return ENGLISH;
        }
        return CHINESE;
    }

    public static boolean isChinese(Locale locale) {
        return CHINESE.getLanguage().equals(locale.getLanguage());
    }

    /** The text of a bilingual pair for this locale: English for English, Chinese for every other language. */
    public static String pick(Locale locale, String chinese, String english) {
        return bestMatch(locale) == ENGLISH ? english : chinese;
    }
}
