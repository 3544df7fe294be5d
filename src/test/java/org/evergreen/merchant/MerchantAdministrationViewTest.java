package org.evergreen.merchant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.security.EvergreenUser;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** An admin gives a merchant's staff a login; that login sees its own merchant. */
class MerchantAdministrationViewTest extends KaribuTest {

    @Test
    void anAdminCreatesAStaffLoginForTheSelectedMerchant() {
        login("admin");
        navigate("admin/merchants");
        @SuppressWarnings("unchecked")
        Grid<MerchantSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(6);
        Button addStaff = _get(Button.class, spec -> spec.withText("添加员工账号"));
        assertThat(addStaff.isEnabled()).isFalse();

        int stationery = 2;
        MerchantSummary inkwell = GridKt._get(grid, stationery);
        assertThat(inkwell.nameZh()).isEqualTo("墨香文具");
        GridKt._selectRow(grid, stationery);
        _click(addStaff);
        setValue(_get(TextField.class, spec -> spec.withLabel("登录名")), "ink.cashier");
        setValue(_get(TextField.class, spec -> spec.withLabel("显示名称")), "墨香收银员");
        setValue(_get(PasswordField.class, spec -> spec.withLabel("初始密码")), "ink-2026-cash");
        _click(_get(Button.class, spec -> spec.withText("创建")));

        _assertNone(Dialog.class);
        expectNotifications("员工账号 ink.cashier 已创建。");
        EvergreenUser staff = (EvergreenUser) login("ink.cashier", "ink-2026-cash").getPrincipal();
        assertThat(staff.merchantId()).isEqualTo(inkwell.id());
    }
}
