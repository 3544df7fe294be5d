package org.evergreen.green;

import com.microsoft.playwright.Locator;
import org.evergreen.BrowserTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member reads their impact report and the regulator the regional dashboard in a real browser: the server-drawn
 * SVG charts load as images (not broken) and the figures show. The screenshots under target/screenshots are the ones
 * the README shows.
 */
class GreenPagesEndToEndTest extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMembersReportAndTheRegionalDashboardShowTheirFiguresAndCharts() throws Exception {
        GreenPurchases green = new GreenPurchases(context);
        CatalogFixtures.TestMember member = green.newMemberWithLogin();
        green.buyBulbsAndTea(member.id());
        green.buy(member.id(), new PurchaseRequest.Line("R-1", "洗衣液补充装", "refill", 2, new BigDecimal("5.00"), false, null),
                new PurchaseRequest.Line("SH-1", "二手书", "second-hand", 1, new BigDecimal("18.00"), false, null));
        GreenPurchases.await(() -> green.spend(member.id()).compareTo(new BigDecimal("99.00")) == 0);

        signIn(member.username(), "evergreen");
        page.navigate(url("member/impact"));
        assertThat(page.locator(".impact-co2e .impact-card-value")).hasText("38.3 千克");
        Locator chart = page.locator("img.impact-monthly-chart");
        assertThat(chart).isVisible();
        assertThat((Integer) chart.evaluate("image => image.naturalWidth")).isGreaterThan(0);
        assertThat((Integer) page.locator("img.impact-method-chart").evaluate("image => image.naturalWidth")).isGreaterThan(0);
        assertThat(page.locator(".impact-method-grid")).containsText("二手商品");
        screenshot("member-impact");

        page.locator("vaadin-button.logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        signIn("regulator", "evergreen");
        assertThat(page).hasURL(Pattern.compile(".*/regulator.*"));
        page.navigate(url("regulator/regions"));
        assertThat(page.locator(".regions-district-grid")).containsText("上海市黄浦区");
        assertThat((Integer) page.locator("img.impact-monthly-chart").first().evaluate("image => image.naturalWidth")).isGreaterThan(0);
        screenshot("regional-dashboard");
    }
}
