package org.evergreen.earning.api;

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

/**
 * The till API ({@code /api/**}) authenticates every request by the store's API key sent as
 * {@code Authorization: Bearer <key>}; no session, no cookies, no CSRF token. Refusals are problem details.
 */
@Configuration(proxyBeanMethods = false)
class TillApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain tillApiFilterChain(HttpSecurity http, TillKeys tillKeys, TillApiProblems problems) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(TillPrincipal.ROLE))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, denied) -> problems.writeUnauthorized(request, response))
                        .accessDeniedHandler((request, response, denied) -> problems.writeUnauthorized(request, response)))
                .addFilterBefore(new BearerKeyFilter(tillKeys), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Turns a valid bearer key into the till's identity for this one request. */
    private static final class BearerKeyFilter extends OncePerRequestFilter {

        private final TillKeys tillKeys;

        BearerKeyFilter(TillKeys tillKeys) {
            this.tillKeys = tillKeys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tillKeys.authenticate(header.substring(7)).ifPresent(till -> SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(till, null,
                                List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE)))));
            }
            chain.doFilter(request, response);
        }
    }
}
