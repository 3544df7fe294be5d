package org.evergreen.merchant;

import org.evergreen.shared.i18n.SupportedLocales;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Locale;

/**
 * One store of a merchant.
 *
 * @param regionCode its district's GB/T 2260 code, if it has been placed
 * @param closedAt   when the merchant's owner closed it; a closed store has no till keys and takes no new ones
 */
public record StoreSummary(long id, String nameZh, String nameEn, String cityZh, String cityEn, String address,
                           @Nullable String regionCode, @Nullable Instant closedAt) {

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }

    public String city(Locale locale) {
        return SupportedLocales.pick(locale, cityZh, cityEn);
    }

    public boolean open() {
        return closedAt == null;
    }
}
