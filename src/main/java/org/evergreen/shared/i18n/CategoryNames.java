package org.evergreen.shared.i18n;

import java.util.Locale;

/**
 * Product categories by name in the reader's language. Tills and merchants' rules use short codes (`fresh`,
 * `room-night`); the platform's vocabulary names the common ones in both languages. A merchant's own code that the
 * vocabulary does not know is shown as the merchant wrote it.
 */
public final class CategoryNames {

    private static final String PREFIX = "category.";

    private CategoryNames() {
    }

    public static String name(String code, Locale locale) {
        return Translations.textOf(PREFIX + code, locale).orElse(code);
    }
}
