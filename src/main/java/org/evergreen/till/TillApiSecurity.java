package org.evergreen.till;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
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
                                           TillRateLimiter rateLimiter) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/openapi.yaml").permitAll()
                        .anyRequest().hasRole(TillPrincipal.ROLE))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, denied) -> problems.writeUnauthorized(request, response))
                        .accessDeniedHandler((request, response, denied) -> problems.writeForbidden(request, response)))
                .addFilterBefore(new BearerKeyFilter(tillKeys, rateLimiter, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Turns a valid bearer key into the till's identity for this one request, within the key's rate limit. */
    private static final class BearerKeyFilter extends OncePerRequestFilter {

        private final TillKeys tillKeys;
        private final TillRateLimiter rateLimiter;
        private final TillApiProblems problems;

        BearerKeyFilter(TillKeys tillKeys, TillRateLimiter rateLimiter, TillApiProblems problems) {
            this.tillKeys = tillKeys;
            this.rateLimiter = rateLimiter;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Optional<TillPrincipal> till = tillKeys.authenticate(header.substring(7));
                if (till.isPresent() && !rateLimiter.tryAcquire(till.get().keyId())) {
                    problems.writeTooManyRequests(request, response);
                    return;
                }
                till.ifPresent(principal -> SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null,
                                List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE)))));
            }
            chain.doFilter(request, response);
        }
    }
}
