package org.evergreen.household.internal;

import org.evergreen.household.LeavingRule;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code household_household} and {@code household_membership} tables. */
@Repository
public class HouseholdRepository {

    public record HouseholdRow(long id, String name, long headMemberId, LeavingRule leavingRule) {
    }

    private final JdbcClient jdbc;

    public HouseholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertHousehold(String name, long headMemberId, LeavingRule rule, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO household_household (name, head_member_id, leaving_rule, created_at) VALUES (?, ?, ?, ?)")
                .params(name, headMemberId, rule.name(), UtcTimes.toColumn(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertMembership(long householdId, long memberId, Instant now) {
        jdbc.sql("INSERT INTO household_membership (member_id, household_id, joined_at) VALUES (?, ?, ?)")
                .params(memberId, householdId, UtcTimes.toColumn(now))
                .update();
    }

    public Optional<HouseholdRow> findByMember(long memberId) {
        return jdbc.sql("""
                        SELECT h.id, h.name, h.head_member_id, h.leaving_rule
                        FROM household_household h JOIN household_membership m ON m.household_id = h.id
                        WHERE m.member_id = ?""")
                .param(memberId)
                .query((rs, n) -> new HouseholdRow(rs.getLong("id"), rs.getString("name"),
                        rs.getLong("head_member_id"), LeavingRule.valueOf(rs.getString("leaving_rule"))))
                .optional();
    }

    public List<Long> memberIds(long householdId) {
        return jdbc.sql("SELECT member_id FROM household_membership WHERE household_id = ? ORDER BY joined_at, member_id")
                .param(householdId).query(Long.class).list();
    }
}
