package org.evergreen.till;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.shared.database.DatabaseOutages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The till API ({@code /api/**}) authenticates every request by the store's API key sent as
 * {@code Authorization: Bearer <key>}; no session, no cookies, no CSRF token. Refusals are problem details.
 */
@Configuration(proxyBeanMethods = false)
class TillApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain tillApiFilterChain(HttpSecurity http, TillKeys tillKeys, TillApiProblems problems,
                                           TillRateLimiter rateLimiter, FailedAuthenticationLimits failedAuthentications) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/openapi.yaml").permitAll()
                        .anyRequest().hasRole(TillPrincipal.ROLE))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, denied) -> problems.writeUnauthorized(request, response))
                        .accessDeniedHandler((request, response, denied) -> problems.writeForbidden(request, response)))
                .addFilterBefore(new BearerKeyFilter(tillKeys, rateLimiter, failedAuthentications, problems), BasicAuthenticationFilter.class)
                // Only once the till is known and allowed: what it asked for is then checked before any endpoint runs.
                .addFilterAfter(new TillApiPreconditions(problems), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Turns a valid bearer key into the till's identity for this one request, within the key's rate limit and the
     * limits on failed key checks. A database that cannot be reached is a 503 the till may retry, never a 401.
     */
    private static final class BearerKeyFilter extends OncePerRequestFilter {

        private final TillKeys tillKeys;
        private final TillRateLimiter rateLimiter;
        private final FailedAuthenticationLimits failedAuthentications;
        private final TillApiProblems problems;

        BearerKeyFilter(TillKeys tillKeys, TillRateLimiter rateLimiter, FailedAuthenticationLimits failedAuthentications,
                        TillApiProblems problems) {
            this.tillKeys = tillKeys;
            this.rateLimiter = rateLimiter;
            this.failedAuthentications = failedAuthentications;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null) {
                String address = request.getRemoteAddr();
                String presented = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : "";
                String prefix = TillKeys.prefixOf(presented).orElse(null);
                long wait = failedAuthentications.waitSeconds(address, prefix);
                if (wait > 0 && !failedAuthentications.vouchedFor(address, prefix)) {
                    problems.writeTooManyRequests(request, response, wait, "too-many-failed-authentications");
                    return;
                }
                Optional<TillPrincipal> till;
                try {
                    till = presented.isEmpty() ? Optional.empty() : tillKeys.authenticate(presented);
                } catch (RuntimeException failure) {
                    if (DatabaseOutages.isOutage(failure)) {
                        problems.writeServiceUnavailable(request, response);
                        return;
                    }
                    throw failure;
                }
                if (till.isEmpty()) {
                    failedAuthentications.failed(address, prefix);
                    if (wait > 0) {
                        problems.writeTooManyRequests(request, response, wait, "too-many-failed-authentications");
                        return;
                    }
                } else {
                    failedAuthentications.succeeded(address, prefix);
                    if (!rateLimiter.tryAcquire(till.get().keyId())) {
                        problems.writeTooManyRequests(request, response, 1, "rate-limited");
                        return;
                    }
                    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            till.get(), null, List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE))));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
