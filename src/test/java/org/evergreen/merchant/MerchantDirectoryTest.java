package org.evergreen.merchant;

import org.evergreen.KaribuTest;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Merchant staff see only their own business; lists are for admins and regulators; bad codes are refused. */
class MerchantDirectoryTest extends KaribuTest {

    @Autowired
    MerchantDirectory directory;

    @Test
    void merchantStaffSeeOnlyTheirOwnMerchant() {
        login("merchant");
        assertThat(directory.myMerchant().nameZh()).isEqualTo("青松便利");
        assertThat(directory.myStores()).extracting(StoreSummary::nameZh).contains("人民广场店").doesNotContain("杭州西湖酒店");

        login("hotel");
        assertThat(directory.myMerchant().nameZh()).isEqualTo("绿野酒店集团");
        assertThat(directory.myStores()).extracting(StoreSummary::nameZh).containsExactly("杭州西湖酒店", "北京国贸酒店");
    }

    @Test
    void membersAndMerchantsCannotListTheCoalition() {
        login("member");
        assertThatThrownBy(() -> directory.page(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(directory::myMerchant).isInstanceOf(AccessDeniedException.class);
        login("merchant");
        assertThatThrownBy(() -> directory.page(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void regulatorsSeeAllDemoMerchantsWithTheirStores() {
        login("regulator");
        assertThat(directory.count()).isGreaterThanOrEqualTo(6);
        assertThat(directory.page(0, 6)).extracting(MerchantSummary::category).contains(
                MerchantCategory.HOTEL, MerchantCategory.STATIONERY, MerchantCategory.HOME_TEXTILE,
                MerchantCategory.CONVENIENCE_STORE, MerchantCategory.RAILWAY, MerchantCategory.GREEN_APPLIANCE);
        assertThat(directory.page(0, 6)).allSatisfy(merchant -> assertThat(merchant.storeCount()).isPositive());
    }

    @Test
    void aMalformedCreditCodeIsRefusedAndNothingIsStored() {
        login("admin");
        long before = directory.count();
        NewMerchant merchant = new NewMerchant("测试商户", "Test merchant", MerchantCategory.OTHER, "91310000MA1000000X",
                List.of(new NewMerchant.NewStore("一号店", "Store one", "上海", "Shanghai", "某路 1 号")));
        assertThatThrownBy(() -> directory.register(merchant))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("merchant.creditCode.invalid"));
        assertThat(directory.count()).isEqualTo(before);
    }

    @Test
    void staffLoginsOnlyForExistingMerchants() {
        login("admin");
        assertThatThrownBy(() -> directory.createStaffLogin(999_999L, "ghost.staff", "幽灵", "ghost-2026-pw"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("merchant.notFound"));
    }
}
