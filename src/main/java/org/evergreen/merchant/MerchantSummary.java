package org.evergreen.merchant;

import java.time.Instant;
import org.evergreen.shared.i18n.SupportedLocales;

import java.util.Locale;

/** A row of the merchant lists that admins and regulators browse. */
public record MerchantSummary(long id, String nameZh, String nameEn, MerchantCategory category,
                              String unifiedCreditCode, int storeCount, Instant joinedAt) {

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }
}
