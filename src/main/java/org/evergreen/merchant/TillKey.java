package org.evergreen.merchant;

import org.evergreen.shared.i18n.SupportedLocales;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Locale;

/** A till API key as its merchant's owners see it: never the secret, only its first characters. */
public record TillKey(long id, long storeId, String storeNameZh, String storeNameEn, String prefix, String label, Instant createdAt,
                      @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public String storeName(Locale locale) {
        return SupportedLocales.pick(locale, storeNameZh, storeNameEn);
    }
}
