package org.evergreen.merchant;

import org.evergreen.shared.i18n.SupportedLocales;

import java.util.Locale;

/** What anybody may know of a participating merchant. */
public record PublicMerchant(long id, String nameZh, String nameEn, MerchantCategory category) {

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }
}
