package org.evergreen.merchant;

import org.evergreen.shared.i18n.SupportedLocales;

import java.time.Instant;
import java.util.Locale;

/**
 * A row of the merchant lists that admins and regulators browse.
 *
 * @param storeCount the merchant's open stores (closed ones stay on record, but no longer trade)
 */
public record MerchantSummary(long id, String nameZh, String nameEn, MerchantCategory category,
                              String unifiedCreditCode, int storeCount, Instant joinedAt) {

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }
}
