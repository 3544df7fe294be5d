package org.evergreen.merchant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.UserAccounts;
import org.evergreen.security.UserSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Owners manage their merchant's cashiers and stores; cashiers and other merchants' owners cannot. */
class TeamViewTest extends KaribuTest {

    @Autowired
    MerchantDirectory directory;

    @Autowired
    UserAccounts userAccounts;

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

        assertThat(directory.myStores()).extracting(StoreSummary::nameZh).contains("陆家嘴店");
        login("hotel");
        assertThat(directory.myStores()).extracting(StoreSummary::nameZh).doesNotContain("陆家嘴店");
        login("merchant");
        long pineId = directory.myMerchant().id();
        login("hotel");
        assertThatThrownBy(() -> userAccounts.createMerchantUser(pineId, MerchantRole.OWNER, "hijack.owner", "劫持", "hijack-2026-pw"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userAccounts.staffOf(pineId)).isInstanceOf(AccessDeniedException.class);
    }
}
