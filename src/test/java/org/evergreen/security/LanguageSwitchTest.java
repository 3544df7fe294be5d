package org.evergreen.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.evergreen.KaribuTest;
import org.evergreen.shared.ui.LanguageSwitch;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The language switch on the login page and in every portal redraws the visible texts. */
class LanguageSwitchTest extends KaribuTest {

    @Test
    void theLoginPageSwitchesBetweenChineseAndEnglish() {
        navigate("login");
        assertThat(_get(H1.class).getText()).isEqualTo("常青积分");
        assertThat(loginFormText(_get(LoginForm.class), "/form/submit")).isEqualTo("登录");

        setValue(_get(LanguageSwitch.class), Locale.ENGLISH);
        assertThat(_get(H1.class).getText()).isEqualTo("Evergreen");
        assertThat(loginFormText(_get(LoginForm.class), "/form/submit")).isEqualTo("Sign in");

        setValue(_get(LanguageSwitch.class), Locale.SIMPLIFIED_CHINESE);
        assertThat(_get(H1.class).getText()).isEqualTo("常青积分");
    }

    @Test
    void everyPortalSwitchesItsMenuAndViewTitle() {
        login("regulator");
        navigate("regulator");
        assertThat(menuLabels()).contains("参与商户", "审计轨迹");

        setValue(_get(LanguageSwitch.class), Locale.ENGLISH);
        assertThat(menuLabels()).contains("Participating merchants", "Audit trail");
        assertThat(_get(H1.class, spec -> spec.withClasses("view-title")).getText()).isEqualTo("Participating merchants");
    }

    private static java.util.List<String> menuLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
