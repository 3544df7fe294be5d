package org.evergreen.till;

import org.evergreen.ThisContextsSecurity;
import org.evergreen.merchant.TillKeys;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the till API tests: the application on a real port, called over HTTP as a till would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ThisContextsSecurity.class)
abstract class TillApiTestSupport {

    /** The demo merchant's first store's key, as the README prints it. */
    protected static final String DEMO_KEY = "eg_demo0001_EvergreenDemoTillKey2026Pine0001";
    /** The demo member's number, as the README prints it. */
    protected static final String DEMO_MEMBER_NUMBER = "920261201007";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TillKeys tillKeys;

    @Autowired
    private UserDetailsService users;

    private final HttpClient http = HttpClient.newHttpClient();

    protected int port() {
        return port;
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, @Nullable String tillKey, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept-Language", language).GET();
        if (tillKey != null) {
            request.header("Authorization", "Bearer " + tillKey);
        }
        return send(request);
    }

    protected HttpResponse<String> post(String path, String body, @Nullable String idempotencyKey, String tillKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + tillKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** Signs in through the real user store, as the services that need a person expect. */
    protected void signInAs(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A fresh till key of the first store of the merchant this owner login belongs to. */
    protected String newKeyOf(String owner) {
        signInAs(owner);
        long store = jdbc.sql("""
                        SELECT s.id FROM merchant_store s JOIN security_user u ON u.merchant_id = s.merchant_id
                        WHERE u.username = ? ORDER BY s.id LIMIT 1""").param(owner).query(Long.class).single();
        return tillKeys.create(store, "测试收银台");
    }

    protected String memberNumberOf(String username) {
        return jdbc.sql("""
                        SELECT m.member_number FROM member_member m JOIN security_user u ON u.id = m.user_id
                        WHERE u.username = ?""").param(username).query(String.class).single();
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo("urn:evergreen:problem:" + type);
    }
}
