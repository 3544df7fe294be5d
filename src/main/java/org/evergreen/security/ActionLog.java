package org.evergreen.security;

import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The administrative action log: every change an admin or a merchant owner makes to rules, prices, the point value,
 * limits, users, keys and stores, recorded by the service that makes it, in the same transaction (a change that rolls
 * back leaves no line; a line is never without its change). Insert-only in the database; regulators read it.
 */
@Service
public class ActionLog {

    private static final int DETAIL_MAX = 1000;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    ActionLog(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records a change by whoever is signed in (the platform itself for start-up work), inside the transaction that makes
     * the change: there is no line without its change, and no change without its line.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subject, String detail) {
        EvergreenUser actor = currentUser.require();
        jdbc.sql("""
                        INSERT INTO security_action_log (acted_at, actor_id, actor_name, actor_role, merchant_id, action, subject, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UtcTimes.toColumn(clock.instant()), actor.id(), actor.getUsername(), actor.role().name(), actor.merchantId(),
                        action, subject, detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail)
                .update();
    }

    /** The log, newest first, the page before the cursor (null: the newest page). */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public List<LoggedAction> page(@Nullable Long before, int limit) {
        return jdbc.sql("SELECT * FROM security_action_log WHERE id < ? ORDER BY id DESC LIMIT ?")
                .params(before == null ? Long.MAX_VALUE : before, limit)
                .query((rs, n) -> new LoggedAction(rs.getLong("id"), UtcTimes.fromColumn(rs.getObject("acted_at", LocalDateTime.class)),
                        rs.getLong("actor_id"), rs.getString("actor_name"), Role.valueOf(rs.getString("actor_role")),
                        rs.getObject("merchant_id", Long.class), rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
