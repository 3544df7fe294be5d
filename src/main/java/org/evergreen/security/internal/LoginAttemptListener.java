package org.evergreen.security.internal;

import org.evergreen.security.SecurityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Locks an account after repeated wrong passwords, so passwords cannot be guessed online. */
@Component
class LoginAttemptListener {

    private final UserAccountRepository users;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginAttemptListener(UserAccountRepository users, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailedLogin(LoginNames.normalize(event.getAuthentication().getName()), properties.maxFailedLogins(),
                clock.instant().plus(properties.lockoutDuration()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(LoginNames.normalize(event.getAuthentication().getName()));
    }
}
