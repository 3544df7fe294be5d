package org.evergreen.merchant;

import java.util.Locale;

/** One store of a merchant. */
public record StoreSummary(long id, String nameZh, String nameEn, String cityZh, String cityEn, String address) {

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String city(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? cityZh : cityEn;
    }
}
