package org.evergreen.merchant;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a business fills in on the public page to join the coalition.
 *
 * @param nameEn optional; the Chinese name is used where it is missing
 */
public record MerchantApplicationForm(String nameZh, @Nullable String nameEn, @Nullable MerchantCategory category,
                                      String unifiedCreditCode, String contactName, String contactPhone,
                                      String contactEmail, List<Store> stores, boolean acceptedTerms) {

    public MerchantApplicationForm {
        stores = List.copyOf(stores);
    }

    public record Store(String name, String city, String address) {
    }

    @Override
    public String toString() {
        return "MerchantApplicationForm[hidden]";
    }
}
