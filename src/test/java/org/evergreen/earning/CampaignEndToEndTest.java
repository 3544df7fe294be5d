package org.evergreen.earning;

import com.microsoft.playwright.Locator;
import org.evergreen.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the demo merchant's owner launches a campaign, a till posts a purchase through the API,
 * and the member opens the earn in their history to find the campaign that produced the points.
 */
class CampaignEndToEndTest extends BrowserTest {

    private static final String DEMO_KEY = "eg_demo0001_EvergreenDemoTillKey2026Pine0001";

    @Autowired
    JdbcClient jdbc;

    private Locator field(String label) {
        return page.getByLabel(label, new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true));
    }

    @Test
    void aCampaignPublishedInThePortalShowsInTheMembersPointsAfterATillPurchase() throws Exception {
        signIn("merchant", "evergreen");
        assertThat(page).hasURL(Pattern.compile(".*/merchant(\\?continue)?$"));
        page.navigate(url("merchant/campaigns"));
        page.locator("vaadin-button.new-campaign").click();
        field("名称（中文）").fill("浏览器茶饮双倍");
        field("名称（英文）").fill("Browser tea double");
        field("倍数").fill("2");
        field("目标品类").fill("browser-tea");
        page.locator("vaadin-button.launch-campaign").click();
        assertThat(page.locator("vaadin-grid.campaign-grid")).containsText("浏览器茶饮双倍");
        screenshot("merchant-campaigns");
        page.locator("vaadin-button.logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$")); // the logout's own navigation is done

        String memberNumber = jdbc.sql("""
                        SELECT m.member_number FROM member_member m JOIN security_user u ON u.id = m.user_id
                        WHERE u.username = '13800000030'""").query(String.class).single();
        String purchase = """
                {"memberNumber":"%s","receiptNumber":"E2E-%d","purchasedAt":"%s","currency":"CNY","total":12.00,
                 "lines":[{"sku":"T-1","name":"龙井茶","category":"browser-tea","quantity":2,"unitPrice":6.00,"green":false}]}"""
                .formatted(memberNumber, System.nanoTime(), Instant.now());
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("api/v1/purchases")))
                .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(purchase)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.body()).contains("\"pointsEarned\":24");

        signIn("13800000030", "evergreen");
        assertThat(page).hasURL(Pattern.compile(".*/member(\\?continue)?$"));
        page.navigate(url("member/points"));
        page.locator(".points-activity a.activity-title").filter(new Locator.FilterOptions().setHasText("购物 ¥12.00")).first().click();
        assertThat(page).hasURL(Pattern.compile(".*/member/purchases/\\d+$"));
        Locator rules = page.locator("vaadin-grid.purchase-rules");
        assertThat(rules).containsText("活动：浏览器茶饮双倍");
        assertThat(rules).containsText("基础费率");
        assertThat(page.locator(".card")).containsText("24");
        screenshot("member-purchase-campaign");
    }
}
