package org.evergreen.member;

import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-time member codes: a member shows one at the counter; a till uses it once, within five minutes, to
 * identify them. Unlike the member number, a code seen over the shoulder is worthless a moment later.
 */
@Service
public class OneTimeCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Pattern CODE = Pattern.compile("^\\d{10}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MemberProfiles profiles;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OneTimeCodes(JdbcClient jdbc, MemberProfiles profiles, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A fresh code for the signed-in member. */
    @PreAuthorize("hasRole('MEMBER')")
    @Transactional
    public OneTimeCode issueForMe() {
        long memberId = currentUser.require(Role.MEMBER).id();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(VALIDITY);
        while (true) {
            String code = "%010d".formatted(RANDOM.nextLong(10_000_000_000L));
            try {
                jdbc.sql("INSERT INTO member_code (code, member_id, expires_at, created_at) VALUES (?, ?, ?, ?)")
                        .params(code, memberId, UtcTimes.toColumn(expiresAt), UtcTimes.toColumn(now)).update();
                return new OneTimeCode(code, expiresAt);
            } catch (DuplicateKeyException taken) {
                // one of ten billion: draw again
            }
        }
    }

    /** The member a code identifies, without using it up (the till display looks before it posts). */
    @PreAuthorize("hasRole('TILL')")
    public Optional<MemberProfile> peek(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT member_id FROM member_code WHERE code = ? AND used_at IS NULL AND expires_at > ?")
                .params(code, UtcTimes.toColumn(clock.instant())).query(Long.class).optional().flatMap(profiles::byId);
    }

    /** Uses a code, once: the member it identifies, if it is valid, unexpired and unused; a till's or a counter's. */
    @PreAuthorize("hasAnyRole('TILL', 'MERCHANT')")
    @Transactional
    public Optional<MemberProfile> use(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int used = jdbc.sql("UPDATE member_code SET used_at = ? WHERE code = ? AND used_at IS NULL AND expires_at > ?")
                .params(UtcTimes.toColumn(now), code, UtcTimes.toColumn(now)).update();
        if (used == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT member_id FROM member_code WHERE code = ?").param(code).query(Long.class).optional()
                .flatMap(profiles::byId);
    }
}
