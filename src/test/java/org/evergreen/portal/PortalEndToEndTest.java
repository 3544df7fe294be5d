package org.evergreen.portal;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import org.evergreen.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A person opens Evergreen in a real browser, signs in as the demo member and switches languages. */
class PortalEndToEndTest extends BrowserTest {

    @Test
    void memberSignsInSeesTheMemberPortalAndSwitchesLanguage() {
        Response loginPage = page.navigate(url(""));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(loginPage.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("referrer-policy", "same-origin");
        assertThat(loginPage.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(page.locator("h1")).hasText("常青积分");

        signIn("member", "evergreen");

        assertThat(page).hasURL(Pattern.compile(".*/member(\\?continue)?$"));
        assertThat(page.locator(".member-number .fact-value")).hasText(Pattern.compile("^9\\d{11}$"));
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("我的账户");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("出示会员码")).click();
        assertThat(page.locator(".one-time-code-digits .fact-value")).hasText(Pattern.compile("^\\d{5} \\d{5}$"));
        assertThat(page.locator("img.qr-code")).isVisible();
        screenshot("member-portal");

        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("我的积分")).click();
        assertThat(page).hasURL(Pattern.compile(".*/member/points$"));
        assertThat(page.locator(".points-available .fact-value")).hasText("2,980");
        assertThat(page.locator(".points-activity")).containsText("兑换 · 环保随行杯");
        screenshot("member-points");

        page.locator(".account-bar vaadin-select.language-switch").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("English")).click();
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("My account");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator(".view-title")).hasText("My points");

        page.locator(".account-bar vaadin-select.language-switch").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("简体中文")).click();
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("我的账户");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        // Every page names its icon, and the icon is served to anyone: no request for a missing favicon.ico.
        String icon = page.locator("link[rel=icon]").getAttribute("href");
        assertThat(page.request().get(url(icon.replaceFirst("^\\.?/", ""))).status()).isEqualTo(200);

        // At a common laptop width no grid cuts its text off: cells wrap rather than end in an ellipsis.
        page.setViewportSize(1366, 768);
        page.navigate(url("member/rewards"));
        assertThat(page.locator("vaadin-grid.catalog-grid")).containsText("¥100.00");
        assertThat(((Number) page.evaluate("Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
                + ".filter(cell => cell.scrollWidth > cell.clientWidth + 1).length")).intValue()).isZero();
        page.setViewportSize(1280, 800);

        // A bad address gets the portal's own page in the reader's language, not the browser's bare error page.
        page.navigate(url("member/purchases/abc"));
        assertThat(page.locator(".not-found-view h1")).hasText("没有这个页面");
        page.navigate(url("no/such/page"));
        assertThat(page.locator(".not-found-view p")).containsText("您的积分不受影响");
        page.navigate(url("member"));

        page.locator("vaadin-button.logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.navigate(url("member"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        signIn("member", "not-the-password");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.locator("vaadin-login-form")).containsText("登录名或密码错误");
        assertThat(page.locator(".member-number")).hasCount(0);
    }
}
