package org.evergreen.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.evergreen.security.internal.UserAccountRepository;
import org.evergreen.shared.database.DatabaseOutages;
import org.evergreen.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.time.Clock;
import java.util.Map;

/**
 * Form login through the Vaadin login view, method security for the services, and secure headers.
 * Views are guarded by their access annotations; services check again with {@code @PreAuthorize}. A stopped
 * account's open sessions end ({@link DisabledAccountSessions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    static final String LOGIN_PATH = "/login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccountRepository users, Clock clock) throws Exception {
        http.addFilterAfter(new DisabledAccountSessions(users, clock), SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/images/**").permitAll());
        // Vaadin's configurer sets the login page too, but only after Spring Security decided whether to generate
        // its own default page; naming it here keeps that page away.
        http.formLogin(form -> form.loginPage(LOGIN_PATH).failureHandler(loginFailureHandler()));
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> {
            // Vaadin writes its pages in a way that skips Spring's usual "on commit" header writing.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                            "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny());
        });
        // An address that is no view is, for a signed-in person, Vaadin's to answer (the portal's own 404 page in their
        // language); denying it here would answer an empty 403 that the browser shows in English.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, LOGIN_PATH)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }

    /**
     * A locked account is told so; a database that cannot be reached is said to be down (not a wrong password); every other
     * failure gets the same message, so accounts cannot be probed.
     */
    private static AuthenticationFailureHandler loginFailureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN_PATH + "?locked"));
        handler.setDefaultFailureUrl(LOGIN_PATH + "?error");
        AuthenticationFailureHandler outage = new SimpleUrlAuthenticationFailureHandler(LOGIN_PATH + "?unavailable");
        return (request, response, failure) -> (DatabaseOutages.isOutage(failure) ? outage : handler)
                .onAuthenticationFailure(request, response, failure);
    }

    /** bcrypt today, with the algorithm recorded in each hash so that it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
