package org.evergreen.merchant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.evergreen.security.UserSummary;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Owners manage their merchant's cashiers (add, stop, let in again) and stores (open, correct, close); cashiers and other
 * merchants' owners cannot.
 */
class TeamViewTest extends KaribuTest {

    @Autowired
    MerchantDirectory directory;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    TillKeys tillKeys;

    @Test
    void anOwnerAddsACashierWhoServesButCannotManage() {
        login("merchant");
        navigate("merchant/team");
        _click(_get(Button.class, spec -> spec.withText("添加收银员")));
        setValue(_get(TextField.class, spec -> spec.withLabel("登录名")), "pine.cashier");
        setValue(_get(TextField.class, spec -> spec.withLabel("显示名称")), "青松收银员");
        setValue(_get(PasswordField.class, spec -> spec.withLabel("初始密码")), "pine-2026-till");
        _click(_get(Button.class, spec -> spec.withText("创建")));

        @SuppressWarnings("unchecked")
        Grid<UserSummary> staff = _find(Grid.class).getFirst();
        assertThat(IntStream.range(0, GridKt._size(staff)).mapToObj(row -> GridKt._get(staff, row)))
                .anySatisfy(user -> {
                    assertThat(user.username()).isEqualTo("pine.cashier");
                    assertThat(user.merchantRole()).isEqualTo(MerchantRole.CASHIER);
                });

        login("pine.cashier", "pine-2026-till");
        navigate("merchant");
        assertThat(NavigatorKt.getCurrentView()).isNotEqualTo(AccessDeniedView.class);
        assertThat(directory.myMerchant().nameZh()).isEqualTo("青松便利");
        navigate("merchant/team");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
        assertThatThrownBy(() -> directory.addCashier("sneaky.cashier", "偷偷", "sneaky-2026-pw")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOwnerOpensAStoreOfTheirOwnMerchantOnly() {
        login("merchant");
        navigate("merchant/team");
        _click(_get(Button.class, spec -> spec.withText("添加门店")));
        setValue(_get(TextField.class, spec -> spec.withLabel("门店名称（中文）")), "陆家嘴店");
        setValue(_get(TextField.class, spec -> spec.withLabel("门店名称（英文）")), "Lujiazui");
        setValue(_get(TextField.class, spec -> spec.withLabel("城市（中文）")), "上海");
        setValue(_get(TextField.class, spec -> spec.withLabel("城市（英文）")), "Shanghai");
        setValue(_get(TextField.class, spec -> spec.withLabel("地址")), "浦东新区世纪大道 8 号");
        _click(_get(Button.class, spec -> spec.withText("创建")));
        @SuppressWarnings("unchecked")
        ComboBox<Region> district = _get(ComboBox.class, spec -> spec.withLabel("所在区县"));
        assertThat(district.getErrorMessage()).isEqualTo("请选择门店所在区县。");
        assertThat(directory.myStores()).extracting(StoreSummary::nameZh).doesNotContain("陆家嘴店");
        setValue(district, AdministrativeRegions.byCode("310115").orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("创建")));

        assertThat(directory.myStores()).filteredOn(store -> store.nameZh().equals("陆家嘴店")).extracting(StoreSummary::regionCode)
                .containsExactly("310115");
        login("hotel");
        assertThat(directory.myStores()).extracting(StoreSummary::nameZh).doesNotContain("陆家嘴店");
        login("merchant");
        long pineId = directory.myMerchant().id();
        login("hotel");
        assertThatThrownBy(() -> userAccounts.createMerchantUser(pineId, MerchantRole.OWNER, "hijack.owner", "劫持", "hijack-2026-pw"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userAccounts.staffOf(pineId)).isInstanceOf(AccessDeniedException.class);
    }
    @Test
    void anOwnerCorrectsAStoreThenClosesItAndItsKeysStopWorking() {
        login("merchant");
        directory.addStore(new NewMerchant.NewStore("徐家汇店", "Xujiahui", "上海", "Shanghai", "漕溪北路 1 号"));
        StoreSummary added = directory.myStores().stream().filter(store -> store.nameZh().equals("徐家汇店")).findFirst().orElseThrow();
        String key = tillKeys.create(added.id(), "徐家汇收银台");
        navigate("merchant/team");
        @SuppressWarnings("unchecked")
        Grid<StoreSummary> stores = _get(Grid.class, spec -> spec.withClasses("store-grid"));
        int row = rowOf(stores, added.id());

        _click(_get(GridKt._getCellComponent(stores, row, "actions"), Button.class, spec -> spec.withText("编辑")));
        setValue(_get(TextField.class, spec -> spec.withLabel("门店名称（英文）")), "Xujiahui Plaza");
        setValue(_get(TextField.class, spec -> spec.withLabel("地址")), "<b>");
        _click(_get(Button.class, spec -> spec.withText("保存")));
        assertThat(directory.myStores()).extracting(StoreSummary::nameEn).doesNotContain("Xujiahui Plaza");
        setValue(_get(TextField.class, spec -> spec.withLabel("地址")), "漕溪北路 18 号");
        _click(_get(Button.class, spec -> spec.withText("保存")));
        assertThat(directory.myStores()).filteredOn(store -> store.id() == added.id())
                .singleElement().satisfies(store -> {
                    assertThat(store.nameEn()).isEqualTo("Xujiahui Plaza");
                    assertThat(store.address()).isEqualTo("漕溪北路 18 号");
                });

        // Another merchant's owner can neither change nor close it.
        login("hotel");
        assertThatThrownBy(() -> directory.closeStore(added.id())).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("store.notFound"));
        assertThatThrownBy(() -> directory.updateStore(added.id(), new NewMerchant.NewStore("劫", "Hijack", "上海", "Shanghai", "某路")))
                .isInstanceOf(InvalidInputException.class);

        login("merchant");
        int openStores = directory.myMerchant().storeCount();
        navigate("merchant/team");
        @SuppressWarnings("unchecked")
        Grid<StoreSummary> refreshed = _get(Grid.class, spec -> spec.withClasses("store-grid"));
        _click(_get(GridKt._getCellComponent(refreshed, rowOf(refreshed, added.id()), "actions"), Button.class,
                spec -> spec.withText("关闭门店")));
        _click(_get(_get(Dialog.class, spec -> spec.withClasses("close-store-dialog")), Button.class, spec -> spec.withText("关闭门店")));

        assertThat(GridKt._getFormattedRow(refreshed, rowOf(refreshed, added.id()))).contains("已关闭");
        assertThat(tillKeys.authenticate(key)).isEmpty();
        assertThat(directory.myMerchant().storeCount()).isEqualTo(openStores - 1);
        assertThatThrownBy(() -> tillKeys.create(added.id(), "再开一个")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> directory.updateStore(added.id(), new NewMerchant.NewStore("徐家汇店", "Xujiahui", "上海", "Shanghai", "某路")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMerchantKeepsItsLastOpenStore() {
        long merchantId = SystemActor.call(() -> directory.register(new NewMerchant("独店茶社", "Lone Tea House", MerchantCategory.OTHER,
                "91310000MA1777771" + UnifiedSocialCreditCode.checkCharacter("91310000MA1777771"),
                List.of(new NewMerchant.NewStore("本店", "Main", "上海", "Shanghai", "茶路 1 号")))));
        SystemActor.run(() -> directory.createStaffLogin(merchantId, "lone.owner", "独店店主", "lone-2026-owner"));
        login("lone.owner", "lone-2026-owner");
        long onlyStore = directory.myStores().getFirst().id();

        assertThatThrownBy(() -> directory.closeStore(onlyStore)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("store.lastOpen"));
        assertThat(directory.myStores()).singleElement().satisfies(store -> assertThat(store.open()).isTrue());
    }

    @Test
    void anOwnerStopsACashierFromSigningInAndLetsThemAgain() {
        login("merchant");
        long cashier = directory.addCashier("pine.stopped", "将停用的收银员", "pine-2026-stop");
        long owner = directory.myStaff().stream().filter(user -> user.merchantRole() == MerchantRole.OWNER).findFirst().orElseThrow().id();
        navigate("merchant/team");
        @SuppressWarnings("unchecked")
        Grid<UserSummary> staff = _get(Grid.class, spec -> spec.withClasses("staff-grid"));
        _click(_get(GridKt._getCellComponent(staff, staffRow(staff, cashier), "action"), Button.class, spec -> spec.withText("停用登录")));

        assertThat(GridKt._getFormattedRow(staff, staffRow(staff, cashier))).contains("已停用");
        assertThatThrownBy(() -> login("pine.stopped", "pine-2026-stop")).isInstanceOf(DisabledException.class);
        // Owners are the platform's to change, and another merchant's owner cannot touch this cashier.
        login("merchant");
        assertThatThrownBy(() -> directory.setCashierEnabled(owner, false)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("team.staff.notACashier"));
        login("hotel");
        assertThatThrownBy(() -> directory.setCashierEnabled(cashier, true)).isInstanceOf(InvalidInputException.class);

        login("merchant");
        directory.setCashierEnabled(cashier, true);
        login("pine.stopped", "pine-2026-stop");
        assertThat(directory.myMerchant().nameZh()).isEqualTo("青松便利");
    }

    private static int rowOf(Grid<StoreSummary> stores, long storeId) {
        return IntStream.range(0, GridKt._size(stores)).filter(row -> GridKt._get(stores, row).id() == storeId).findFirst().orElseThrow();
    }

    private static int staffRow(Grid<UserSummary> staff, long userId) {
        return IntStream.range(0, GridKt._size(staff)).filter(row -> GridKt._get(staff, row).id() == userId).findFirst().orElseThrow();
    }
}
