package org.evergreen.merchant;

import org.evergreen.shared.i18n.SupportedLocales;

import java.util.Locale;

/** One store of a merchant. */
public record StoreSummary(long id, String nameZh, String nameEn, String cityZh, String cityEn, String address) {

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }

    public String city(Locale locale) {
        return SupportedLocales.pick(locale, cityZh, cityEn);
    }
}
