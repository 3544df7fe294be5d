package org.evergreen.merchant;

import java.util.List;

/** A merchant and its stores, as registered by the platform. */
public record NewMerchant(String nameZh, String nameEn, MerchantCategory category, String unifiedCreditCode,
                          List<NewStore> stores) {

    public record NewStore(String nameZh, String nameEn, String cityZh, String cityEn, String address) {
    }
}
