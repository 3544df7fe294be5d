package org.evergreen.security;

import com.vaadin.flow.component.login.LoginForm;
import org.evergreen.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Repeated wrong passwords lock an account for a while, even against the right password; an admin can unlock it. */
class LoginLockoutTest extends KaribuTest {

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    SecurityProperties securityProperties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveWrongPasswordsInARowLockTheAccountUntilAnAdminUnlocksIt() {
        long userId = userAccounts.registerMember(new MemberRegistration("13912990001", "锁定测试", "green2026life", true));

        for (int attempt = 1; attempt <= securityProperties.maxFailedLogins(); attempt++) {
            assertThatThrownBy(() -> login("13912990001", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("13912990001", "green2026life")).isInstanceOf(LockedException.class);

        login("admin");
        userAccounts.unlock(userId);
        assertThat(login("13912990001", "green2026life").getName()).isEqualTo("13912990001");
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        userAccounts.registerMember(new MemberRegistration("13912990002", "计数测试", "green2026life", true));
        for (int attempt = 1; attempt < securityProperties.maxFailedLogins(); attempt++) {
            assertThatThrownBy(() -> login("13912990002", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        login("13912990002", "green2026life");
        assertThat(jdbc.sql("SELECT failed_logins FROM security_user WHERE username = '13912990002'")
                .query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> login("13912990002", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        login("13912990002", "green2026life");
    }

    @Test
    void paddingTheLoginNameWithUnicodeSpacesDoesNotDodgeTheLockOut() {
        userAccounts.registerMember(new MemberRegistration("13912990003", "空格测试", "green2026life", true));
        for (int attempt = 1; attempt <= securityProperties.maxFailedLogins(); attempt++) {
            assertThatThrownBy(() -> login("\u3000 13912990003\u2003", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("13912990003", "green2026life")).isInstanceOf(LockedException.class);
    }

    @Test
    void theLockedMessageNamesTheConfiguredDuration() {
        navigate("login?locked");
        assertThat(loginFormText(_get(LoginForm.class), "/errorMessage/message"))
                .contains(securityProperties.lockoutDuration().toMinutes() + " 分钟");
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() {
        assertThatThrownBy(() -> login("nobody-here", "whatever1")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void theLoginPageExplainsALockOut() {
        navigate("login?locked");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(loginFormText(form, "/errorMessage/title")).isEqualTo("账户暂时锁定");
    }

    @Test
    void theLoginPageExplainsAWrongPassword() {
        navigate("login?error");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(loginFormText(form, "/errorMessage/message")).isEqualTo("登录名或密码错误，请检查后重试。");
    }

    @Test
    void onlyAdminsMayUnlock() {
        login("member");
        assertThatThrownBy(() -> userAccounts.unlock(1L))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
