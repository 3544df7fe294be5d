package org.evergreen.merchant;

import org.evergreen.shared.i18n.SupportedLocales;

import java.util.Locale;

/** A county-level administrative region (a district) by its GB/T 2260 code, with its city and province. */
public record Region(String code, String provinceZh, String provinceEn, String cityZh, String cityEn, String districtZh,
                     String districtEn) {

    /** Where figures of stores not placed in a district yet are counted: no GB/T 2260 code is all zeros. */
    public static final String UNPLACED = "000000";

    /** The stand-in district of stores not placed yet, for figures only: no store can choose it. */
    public static Region unplaced() {
        return new Region(UNPLACED, "", "", "", "", "未设置区县的门店", "Stores not placed in a district");
    }

    /** "上海市浦东新区", "Pudong New Area, Shanghai". */
    public String name(Locale locale) {
        if (code.equals(UNPLACED)) {
            return SupportedLocales.pick(locale, districtZh, districtEn);
        }
        String city = provinceZh.equals(cityZh) ? cityZh : provinceZh + cityZh;
        return SupportedLocales.pick(locale, city + districtZh, districtEn + ", " + cityEn);
    }
}
