package org.evergreen.security;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.security.ui.LoginView;
import org.evergreen.security.ui.RegistrationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.atomic.AtomicInteger;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationViewTest extends KaribuTest {

    private static final AtomicInteger PHONE_SERIAL = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void openRegistration() {
        navigate("register");
    }

    @Test
    void aNewMemberRegistersWithAPhoneNumberAndCanSignIn() {
        String phone = freshPhone();
        fill(phone, "陈小青", "green2026life", "green2026life", true);

        NavigatorKt.expectView(LoginView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("registered-message")).isVisible()).isTrue();
        assertThat(login(phone, "green2026life").getPrincipal()).isInstanceOf(EvergreenUser.class);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM security_user u JOIN member_member m ON m.user_id = u.id
                        WHERE u.phone = ? AND u.role = 'MEMBER' AND u.terms_accepted_at IS NOT NULL""")
                .param(phone).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEmailAddressWorksAsLoginNameToo() {
        String email = "Reader" + PHONE_SERIAL.incrementAndGet() + "@Example.org";
        fill(email, "Jane Reader", "green2026life", "green2026life", true);

        NavigatorKt.expectView(LoginView.class);
        login(email.toLowerCase(), "green2026life");

        long before = userCount();
        navigate("register");
        fill(email.toUpperCase(), "Jane Again", "green2026life", "green2026life", true);
        assertRefused(_get(TextField.class, spec -> spec.withLabel("手机号或邮箱")), "该手机号或邮箱已注册，请直接登录。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void aTakenPhoneNumberIsRefusedAndNothingIsCreated() {
        long before = userCount();
        fill("13800000001", "冒名者", "green2026life", "green2026life", true);

        assertRefused(_get(TextField.class, spec -> spec.withLabel("手机号或邮箱")), "该手机号或邮箱已注册，请直接登录。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void aWeakPasswordIsRefused() {
        long before = userCount();
        fill(freshPhone(), "李四", "12345678", "12345678", true);

        assertRefused(_get(PasswordField.class, spec -> spec.withLabel("密码")),
                "请设置 8 到 64 个字符的密码，不能全为数字，也不能是常见密码。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void mismatchedPasswordsAreRefused() {
        long before = userCount();
        fill(freshPhone(), "李四", "green2026life", "green2026lif", true);

        assertRefused(_get(PasswordField.class, spec -> spec.withLabel("再次输入密码")), "两次输入的密码不一致。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void withoutConsentToThePointsTermsNobodyIsRegistered() {
        long before = userCount();
        fill(freshPhone(), "王五", "green2026life", "green2026life", false);

        Checkbox consent = _get(Checkbox.class);
        assertThat(consent.isInvalid()).isTrue();
        assertThat(consent.getErrorMessage()).isEqualTo("请先同意积分规则再注册。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void scriptBearingAndOverLongNamesAreRefused() {
        long before = userCount();
        fill(freshPhone(), "<script>alert(1)</script>", "green2026life", "green2026life", true);
        assertRefused(_get(TextField.class, spec -> spec.withLabel("您的姓名")), "请勿输入尖括号或控制字符。");

        setValue(_get(TextField.class, spec -> spec.withLabel("您的姓名")), "长".repeat(33));
        _click(_get(Button.class, spec -> spec.withText("创建账户")));
        assertRefused(_get(TextField.class, spec -> spec.withLabel("您的姓名")), "最多 32 个字符。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void anEmailTooLongToBeALoginNameIsRefused() {
        long before = userCount();
        fill("a".repeat(60) + "@example.org", "长邮箱", "green2026life", "green2026life", true);
        assertRefused(_get(TextField.class, spec -> spec.withLabel("手机号或邮箱")),
                "请输入中国大陆手机号（以 1 开头的 11 位数字）或有效的邮箱地址。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void aPasswordLongerThanBcryptCanStoreIsRefused() {
        long before = userCount();
        String chinese = "绿色生活积分随行".repeat(4);
        fill(freshPhone(), "长密码", chinese, chinese, true);
        assertRefused(_get(PasswordField.class, spec -> spec.withLabel("密码")), "密码过长，无法安全保存：最多 72 字节（约 24 个汉字）。");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void somethingThatIsNeitherPhoneNorEmailIsRefused() {
        fill("12345", "赵六", "green2026life", "green2026life", true);
        assertRefused(_get(TextField.class, spec -> spec.withLabel("手机号或邮箱")),
                "请输入中国大陆手机号（以 1 开头的 11 位数字）或有效的邮箱地址。");
    }

    private static void fill(String phoneOrEmail, String name, String password, String passwordAgain, boolean consent) {
        setValue(_get(TextField.class, spec -> spec.withLabel("手机号或邮箱")), phoneOrEmail);
        setValue(_get(TextField.class, spec -> spec.withLabel("您的姓名")), name);
        setValue(_get(PasswordField.class, spec -> spec.withLabel("密码")), password);
        setValue(_get(PasswordField.class, spec -> spec.withLabel("再次输入密码")), passwordAgain);
        setValue(_get(Checkbox.class), consent);
        _click(_get(Button.class, spec -> spec.withText("创建账户")));
    }

    private static void assertRefused(com.vaadin.flow.component.HasValidation field, String message) {
        NavigatorKt.expectView(RegistrationView.class);
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(message);
    }

    private long userCount() {
        return jdbc.sql("SELECT COUNT(*) FROM security_user").query(Long.class).single();
    }

    /** Phone numbers no demo member has (those are 13800000001 to 13800000033). */
    private static String freshPhone() {
        return "1391234%04d".formatted(PHONE_SERIAL.incrementAndGet());
    }
}
