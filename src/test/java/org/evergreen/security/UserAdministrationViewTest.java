package org.evergreen.security;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admins create regulator and admin logins; bad input is refused next to its field. */
class UserAdministrationViewTest extends KaribuTest {

    @BeforeEach
    void openUsers() {
        login("admin");
        navigate("admin");
    }

    @Test
    void anAdminCreatesARegulatorLoginThatCanSignIn() {
        _click(_get(Button.class, spec -> spec.withText("新建管理员或监管人员")));
        fillDialog("auditor.zhou", "周审计", "audit-2026-ok");
        _click(_get(Button.class, spec -> spec.withText("创建")));

        _assertNone(Dialog.class);
        expectNotifications("账号 auditor.zhou 已创建。");
        assertThat(login("auditor.zhou", "audit-2026-ok").getAuthorities())
                .extracting(Object::toString).contains("ROLE_REGULATOR").doesNotContain("ROLE_ADMIN");
    }

    @Test
    void theGridFiltersByRole() {
        Select<Role> roleFilter = _get(Select.class, spec -> spec.withLabel("角色"));
        setValue(roleFilter, Role.MERCHANT);
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        int rows = GridKt._size(grid);
        assertThat(rows).isGreaterThanOrEqualTo(2);
        assertThat(IntStream.range(0, rows).mapToObj(row -> GridKt._get(grid, row).role())).containsOnly(Role.MERCHANT);
    }

    @Test
    void anInvalidLoginNameIsRefusedAndNothingIsCreated() {
        _click(_get(Button.class, spec -> spec.withText("新建管理员或监管人员")));
        fillDialog("Bad Name!", "坏名字", "audit-2026-ok");
        _click(_get(Button.class, spec -> spec.withText("创建")));

        TextField username = _get(TextField.class, spec -> spec.withLabel("登录名"));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).startsWith("登录名为 3 到 32 个字符");
        assertThatThrownBy(() -> login("bad name!", "audit-2026-ok")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aTakenLoginNameIsRefused() {
        _click(_get(Button.class, spec -> spec.withText("新建管理员或监管人员")));
        fillDialog("regulator", "重名", "audit-2026-ok");
        _click(_get(Button.class, spec -> spec.withText("创建")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("登录名")).getErrorMessage()).isEqualTo("该登录名已被使用。");
    }

    @Test
    void markupInADisplayNameIsRefused() {
        _click(_get(Button.class, spec -> spec.withText("新建管理员或监管人员")));
        fillDialog("script.kiddie", "<img src=x onerror=alert(1)>", "audit-2026-ok");
        _click(_get(Button.class, spec -> spec.withText("创建")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("显示名称")).getErrorMessage()).isEqualTo("请勿输入尖括号或控制字符。");
        assertThatThrownBy(() -> login("script.kiddie", "audit-2026-ok")).isInstanceOf(BadCredentialsException.class);
    }

    private static void fillDialog(String username, String displayName, String password) {
        setValue(_get(TextField.class, spec -> spec.withLabel("登录名")), username);
        setValue(_get(TextField.class, spec -> spec.withLabel("显示名称")), displayName);
        setValue(_get(PasswordField.class, spec -> spec.withLabel("初始密码")), password);
    }
}
