package org.evergreen.merchant;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A merchant and its stores, as registered by the platform. */
public record NewMerchant(String nameZh, String nameEn, MerchantCategory category, String unifiedCreditCode,
                          List<NewStore> stores) {

    /**
     * A store.
     *
     * @param regionCode its district's GB/T 2260 code, from {@link AdministrativeRegions}; none for stores opened before
     *                   stores had one, until their owner places them
     */
    public record NewStore(String nameZh, String nameEn, String cityZh, String cityEn, String address, @Nullable String regionCode) {

        public NewStore(String nameZh, String nameEn, String cityZh, String cityEn, String address) {
            this(nameZh, nameEn, cityZh, cityEn, address, null);
        }
    }
}
