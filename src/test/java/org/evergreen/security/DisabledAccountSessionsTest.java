package org.evergreen.security;

import org.evergreen.KaribuTest;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.internal.UserAccountRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cashier their owner stops loses the session they already had, within the recheck interval, on any node. */
class DisabledAccountSessionsTest extends KaribuTest {

    @Autowired
    MerchantDirectory directory;

    @Autowired
    UserAccountRepository users;

    @Autowired
    List<SecurityFilterChain> securityChains;

    @Test
    void aStoppedCashiersOpenSessionEndsAtTheNextCheck() throws Exception {
        login("merchant");
        long cashier = directory.addCashier("pine.session", "会话收银员", "pine-2026-session");
        Authentication signedIn = login("pine.session", "pine-2026-session");
        MockHttpSession session = new MockHttpSession();

        MockFilterChain served = new MockFilterChain();
        filterAt(Clock.systemUTC()).doFilter(request(session), new MockHttpServletResponse(), served);
        assertThat(served.getRequest()).isNotNull();

        login("merchant");
        directory.setCashierEnabled(cashier, false);
        SecurityContextHolder.getContext().setAuthentication(signedIn);
        // Within the interval the session was checked moments ago and goes on ...
        MockFilterChain stillServed = new MockFilterChain();
        filterAt(Clock.systemUTC()).doFilter(request(session), new MockHttpServletResponse(), stillServed);
        assertThat(stillServed.getRequest()).isNotNull();

        // ... and at the next check it ends: the request goes on signed out, for the chain to send to sign-in.
        MockFilterChain signedOut = new MockFilterChain();
        filterAt(Clock.offset(Clock.systemUTC(), DisabledAccountSessions.RECHECK)).doFilter(request(session), new MockHttpServletResponse(),
                signedOut);
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(signedOut.getRequest()).isNotNull();
    }

    @Test
    void thePortalsSecurityChainRunsTheCheck() {
        assertThat(securityChains).anySatisfy(chain -> assertThat(chain.getFilters()).hasAtLeastOneElementOfType(DisabledAccountSessions.class));
    }

    private DisabledAccountSessions filterAt(Clock clock) {
        return new DisabledAccountSessions(users, clock);
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/merchant");
        request.setSession(session);
        return request;
    }
}
