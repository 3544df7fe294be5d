package org.evergreen;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.evergreen.shared.database.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database dies under a running application (an application of its own here, so that no other test loses its
 * database): tills are told 503 with Retry-After, as a problem, never a redirect to the sign-in page or a 500; a signed-in
 * member opening a page, and a member signing in, see the portal's own "temporarily unavailable" page.
 */
class DatabaseOutageTest {

    private static final String DEMO_KEY = "eg_demo0001_EvergreenDemoTillKey2026Pine0001";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whileTheDatabaseIsDownTillsAreToldToRetryAndThePortalSaysSo() throws Exception {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(EvergreenApplication.class)
                .profiles("test").properties("server.port=0").run();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = BrowserTest.launchChromium(playwright)) {
            String base = "http://localhost:" + application.getEnvironment().getProperty("local.server.port") + "/";
            Page member = browser.newPage(new Browser.NewPageOptions().setLocale("zh-CN"));
            signIn(member, base, "member");
            assertThat(member).hasURL(Pattern.compile(".*/member$"));

            application.getBean(EmbeddedMariaDb.class).close();

            HttpResponse<String> balance = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/members/920261201007/balance"))
                    .header("Authorization", "Bearer " + DEMO_KEY).header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
            assertServiceUnavailable(balance);
            HttpResponse<String> purchase = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/purchases"))
                    .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/json").header("Idempotency-Key", "outage-1")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"memberNumber":"920261201007","receiptNumber":"R-OUTAGE","purchasedAt":"%s","currency":"CNY","total":11.00,
                             "lines":[{"sku":"TEA","name":"绿茶","category":"drinks","quantity":1,"unitPrice":11.00,"green":false}]}"""
                            .formatted(Instant.now()))).build(), HttpResponse.BodyHandlers.ofString());
            assertServiceUnavailable(purchase);

            // Each read waits for the pool's connection timeout (5 s) before it gives up.
            PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
            member.navigate(base + "member/points");

            assertThat(member.locator(".database-unavailable-view h1")).hasText("暂时无法使用");
            assertThat(member.locator(".database-unavailable-view")).containsText("您的积分安全无虞");

            Page newcomer = browser.newPage(new Browser.NewPageOptions().setLocale("zh-CN"));
            signIn(newcomer, base, "merchant");
            assertThat(newcomer).hasURL(Pattern.compile(".*/login\\?unavailable$"));
            assertThat(newcomer.locator("vaadin-login-form")).containsText("暂时无法使用");
        } finally {
            PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        }
    }

    private static void signIn(Page page, String base, String username) {
        page.navigate(base + "login");
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill("evergreen");
        page.locator("#vaadinLoginPassword input").press("Enter");
    }

    private static void assertServiceUnavailable(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("retry-after")).hasValue("10");
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:evergreen:problem:service-unavailable");
    }
}
