package org.evergreen.catalog;

import com.microsoft.playwright.Locator;
import org.evergreen.BrowserTest;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a member redeems a reward and sees its points held; the merchant fulfils the redemption
 * by its code; the member then sees the points captured.
 */
class RedemptionEndToEndTest extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Redemptions redemptions;

    @Test
    void aMemberRedeemsTheMerchantFulfilsAndThePointsAreCaptured() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        fixtures.reward("merchant", "浏览器竹制餐具", "40", 2_000, 10L, null, true);
        TestMember member = fixtures.member(5_000);

        signIn(member.username(), "evergreen");
        assertThat(page).hasURL(Pattern.compile(".*/member(\\?continue)?$"));
        page.navigate(url("member/rewards"));
        page.locator("vaadin-text-field.catalog-search input").fill("浏览器竹制");
        Locator reward = page.locator("vaadin-grid.catalog-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("浏览器竹制餐具"));
        assertThat(reward.first()).isVisible();
        assertThat(page.locator("vaadin-grid.catalog-grid")).containsText("现在即可兑换");
        reward.first().click();
        assertThat(page.locator("vaadin-dialog.reward-dialog")).containsText("价格历史");
        page.locator("vaadin-button.redeem").click();
        assertThat(page).hasURL(Pattern.compile(".*/member/redemptions$"));
        assertThat(page.locator("vaadin-grid.redemption-grid")).containsText("待核销（积分已冻结）");
        String code = fixtures.as(member.username(), () -> redemptions.mine(0, 1)).getFirst().code();
        page.navigate(url("member/points"));
        assertThat(page.locator(".points-held .fact-value")).hasText("2,000");
        assertThat(page.locator(".points-available .fact-value")).hasText("3,000");
        screenshot("member-redemption-held");
        page.locator("vaadin-button.logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        signIn("merchant", "evergreen");
        assertThat(page).hasURL(Pattern.compile(".*/merchant(\\?continue)?$"));
        page.navigate(url("merchant/redemptions"));
        assertThat(page.locator("vaadin-grid.merchant-redemption-grid")).containsText(code.substring(6));
        page.locator("vaadin-text-field.fulfil-code input").fill(code);
        page.locator("vaadin-button.fulfil-by-code").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("已核销");
        screenshot("merchant-fulfilled");
        page.locator("vaadin-button.logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        signIn(member.username(), "evergreen");
        assertThat(page).hasURL(Pattern.compile(".*/member(\\?continue)?$"));
        page.navigate(url("member/points"));
        assertThat(page.locator(".points-held .fact-value")).hasText("0");
        assertThat(page.locator(".points-available .fact-value")).hasText("3,000");
        assertThat(page.locator("vaadin-grid.points-activity")).containsText("已领取");
        page.navigate(url("member/redemptions"));
        assertThat(page.locator("vaadin-grid.redemption-grid")).containsText("已核销");
        screenshot("member-redemption-captured");
        assertThat(fixtures.held(member.id())).isZero();
    }
}
