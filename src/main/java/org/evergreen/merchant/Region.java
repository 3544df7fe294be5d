package org.evergreen.merchant;

import org.evergreen.shared.i18n.SupportedLocales;

import java.util.Locale;

/** A county-level administrative region (a district) by its GB/T 2260 code, with its city and province. */
public record Region(String code, String provinceZh, String provinceEn, String cityZh, String cityEn, String districtZh,
                     String districtEn) {

    /** "上海市浦东新区", "Pudong New Area, Shanghai". */
    public String name(Locale locale) {
        String city = provinceZh.equals(cityZh) ? cityZh : provinceZh + cityZh;
        return SupportedLocales.pick(locale, city + districtZh, districtEn + ", " + cityEn);
    }

    public String cityName(Locale locale) {
        return SupportedLocales.pick(locale, cityZh, cityEn);
    }
}
