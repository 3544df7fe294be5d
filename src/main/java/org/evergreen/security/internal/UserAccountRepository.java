package org.evergreen.security.internal;

import org.evergreen.security.EvergreenUser;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Role;
import org.evergreen.security.UserSummary;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code security_user} table. */
@Repository
public class UserAccountRepository {

    private final JdbcClient jdbc;

    public UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<EvergreenUser> findByUsername(String username) {
        return jdbc.sql("""
                        SELECT id, username, display_name, password_hash, role, merchant_id, merchant_role, enabled, locked_until
                        FROM security_user WHERE username = ?""")
                .param(username)
                .query(UserAccountRepository::toUser)
                .optional();
    }

    public boolean existsByUsername(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM security_user WHERE username = ?")
                .param(username).query(Long.class).single() > 0;
    }



    public long insert(NewUserRow row) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO security_user (username, display_name, password_hash, role, phone, email,
                                                   merchant_id, merchant_role, terms_accepted_at, created_at)
                        VALUES (:username, :displayName, :passwordHash, :role, :phone, :email,
                                :merchantId, :merchantRole, :termsAcceptedAt, :createdAt)""")
                .param("username", row.username())
                .param("displayName", row.displayName())
                .param("passwordHash", row.passwordHash())
                .param("role", row.role().name())
                .param("phone", row.phone())
                .param("email", row.email())
                .param("merchantId", row.merchantId())
                .param("merchantRole", row.merchantRole() == null ? null : row.merchantRole().name())
                .param("termsAcceptedAt", row.termsAcceptedAt() == null ? null : UtcTimes.toColumn(row.termsAcceptedAt()))
                .param("createdAt", UtcTimes.toColumn(row.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Counts a failed login; the {@code maxFailures}-th failure in a row locks the account until {@code lockUntil}
     * and starts the count afresh. One statement, so concurrent failures cannot lose a count.
     */
    public void recordFailedLogin(String username, int maxFailures, Instant lockUntil) {
        // MariaDB assigns left to right: locked_until is decided on the old count before the count changes.
        jdbc.sql("""
                        UPDATE security_user
                        SET locked_until  = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
                        WHERE username = :username""")
                .param("max", maxFailures)
                .param("lockUntil", UtcTimes.toColumn(lockUntil))
                .param("username", username)
                .update();
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.sql("UPDATE security_user SET failed_logins = 0, locked_until = NULL WHERE username = ? AND (failed_logins > 0 OR locked_until IS NOT NULL)")
                .param(username).update();
    }

    /** A merchant's staff, owners first. */
    public List<UserSummary> staffOf(long merchantId) {
        return jdbc.sql("""
                        SELECT id, username, display_name, role, merchant_id, merchant_role, enabled, locked_until, created_at
                        FROM security_user WHERE merchant_id = ? ORDER BY merchant_role DESC, id""")
                .param(merchantId)
                .query((rs, n) -> new UserSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getObject("merchant_id", Long.class),
                        MerchantRole.valueOf(rs.getString("merchant_role")), rs.getBoolean("enabled"), instant(rs, "locked_until"),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class))))
                .list();
    }

    /** Lets a cashier of this merchant sign in, or stops them; 0 when the merchant has no such cashier. */
    public int setCashierEnabled(long merchantId, long userId, boolean enabled) {
        return jdbc.sql("UPDATE security_user SET enabled = ? WHERE id = ? AND merchant_id = ? AND merchant_role = 'CASHIER'")
                .params(enabled, userId, merchantId).update();
    }

    public boolean isEnabled(long userId) {
        return jdbc.sql("SELECT enabled FROM security_user WHERE id = ?").param(userId).query(Boolean.class).optional().orElse(false);
    }

    public int unlock(long userId) {
        return jdbc.sql("UPDATE security_user SET failed_logins = 0, locked_until = NULL WHERE id = ?")
                .param(userId).update();
    }

    public Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, display_name FROM security_user WHERE id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("display_name"));
                });
        return names;
    }

    public long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM security_user").query(Long.class).single();
    }

    public long count(@Nullable Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM security_user WHERE (:role IS NULL OR role = :role)")
                .param("role", role == null ? null : role.name())
                .query(Long.class).single();
    }

    /** One page of users, newest id first; keyset pagination would matter past a few thousand staff users. */
    public List<UserSummary> page(@Nullable Role role, int offset, int limit) {
        return jdbc.sql("""
                        SELECT id, username, display_name, role, merchant_id, merchant_role, enabled, locked_until, created_at
                        FROM security_user WHERE (:role IS NULL OR role = :role)
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("role", role == null ? null : role.name())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new UserSummary(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        (Long) rs.getObject("merchant_id", Long.class),
                        rs.getString("merchant_role") == null ? null : MerchantRole.valueOf(rs.getString("merchant_role")),
                        rs.getBoolean("enabled"),
                        instant(rs, "locked_until"),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class))))
                .list();
    }

    private static EvergreenUser toUser(ResultSet rs, int rowNum) throws SQLException {
        return new EvergreenUser(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("merchant_id", Long.class),
                rs.getString("merchant_role") == null ? null : MerchantRole.valueOf(rs.getString("merchant_role")),
                rs.getBoolean("enabled"),
                instant(rs, "locked_until"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : UtcTimes.fromColumn(value);
    }

    public Optional<Role> roleOf(long userId) {
        return jdbc.sql("SELECT role FROM security_user WHERE id = ?").param(userId).query(String.class).optional().map(Role::valueOf);
    }

    public Set<String> supervisedRegions(long userId) {
        return new TreeSet<>(jdbc.sql("SELECT region_code FROM security_user_region WHERE user_id = ?").param(userId).query(String.class).list());
    }

    public void replaceSupervisedRegions(long userId, Set<String> regionCodes) {
        jdbc.sql("DELETE FROM security_user_region WHERE user_id = ?").param(userId).update();
        for (String code : regionCodes) {
            jdbc.sql("INSERT INTO security_user_region (user_id, region_code) VALUES (?, ?)").params(userId, code).update();
        }
    }
}
