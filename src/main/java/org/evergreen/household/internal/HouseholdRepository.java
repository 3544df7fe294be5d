package org.evergreen.household.internal;

import org.evergreen.household.GiftLimits;
import org.evergreen.household.LeavingRule;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The household tables: households, memberships, invitations, contributions, sweep rules, gifts and events. */
@Repository
public class HouseholdRepository {

    public record HouseholdRow(long id, String name, long headMemberId, LeavingRule leavingRule, @Nullable Instant dissolvedAt) {
    }

    public record MembershipRow(long memberId, long householdId, boolean canRedeem, Instant joinedAt) {
    }

    public record InvitationRow(long id, long householdId, String code, long invitedBy, Instant expiresAt, String status) {
    }

    public record EventRow(long id, @Nullable Long memberId, String kind, long actorId, @Nullable Long points, Instant at) {
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

    public void insertMembership(long householdId, long memberId, boolean canRedeem, @Nullable Instant consentedAt, Instant now) {
        jdbc.sql("INSERT INTO household_membership (member_id, household_id, joined_at, can_redeem, consented_at) VALUES (?, ?, ?, ?, ?)")
                .params(memberId, householdId, UtcTimes.toColumn(now), canRedeem, consentedAt == null ? null : UtcTimes.toColumn(consentedAt))
                .update();
    }

    public Optional<HouseholdRow> findByMember(long memberId) {
        return jdbc.sql("SELECT h.id, h.name, h.head_member_id, h.leaving_rule, h.dissolved_at FROM household_household h"
                        + " JOIN household_membership m ON m.household_id = h.id WHERE m.member_id = ?")
                .param(memberId).query(HouseholdRepository::household).optional();
    }

    public Optional<HouseholdRow> find(long householdId) {
        return jdbc.sql("SELECT id, name, head_member_id, leaving_rule, dissolved_at FROM household_household WHERE id = ?")
                .param(householdId).query(HouseholdRepository::household).optional();
    }

    /**
     * Locks the household's row for the rest of the transaction: every change of its members, pool or contributions
     * takes it first, so they happen one after another.
     */
    public Optional<HouseholdRow> lock(long householdId) {
        return jdbc.sql("SELECT id, name, head_member_id, leaving_rule, dissolved_at FROM household_household WHERE id = ? FOR UPDATE")
                .param(householdId).query(HouseholdRepository::household).optional();
    }

    /** The member's membership, locked: a sweep and a leave of the same member wait for each other. */
    public Optional<MembershipRow> lockMembership(long memberId) {
        return jdbc.sql("SELECT member_id, household_id, can_redeem, joined_at FROM household_membership WHERE member_id = ? FOR UPDATE")
                .param(memberId).query(HouseholdRepository::membership).optional();
    }

    public Optional<MembershipRow> membership(long memberId) {
        return jdbc.sql("SELECT member_id, household_id, can_redeem, joined_at FROM household_membership WHERE member_id = ?")
                .param(memberId).query(HouseholdRepository::membership).optional();
    }

    public List<MembershipRow> memberships(long householdId) {
        return jdbc.sql("SELECT member_id, household_id, can_redeem, joined_at FROM household_membership WHERE household_id = ?"
                        + " ORDER BY joined_at, member_id")
                .param(householdId).query(HouseholdRepository::membership).list();
    }

    public List<Long> memberIds(long householdId) {
        return memberships(householdId).stream().map(MembershipRow::memberId).toList();
    }

    public void deleteMembership(long memberId) {
        jdbc.sql("DELETE FROM household_membership WHERE member_id = ?").param(memberId).update();
        jdbc.sql("DELETE FROM household_sweep WHERE member_id = ?").param(memberId).update();
    }

    public void setCanRedeem(long memberId, boolean canRedeem) {
        jdbc.sql("UPDATE household_membership SET can_redeem = ? WHERE member_id = ?").params(canRedeem, memberId).update();
    }

    public void setHead(long householdId, long memberId) {
        jdbc.sql("UPDATE household_household SET head_member_id = ? WHERE id = ?").params(memberId, householdId).update();
    }

    public void dissolve(long householdId, Instant now) {
        jdbc.sql("UPDATE household_household SET dissolved_at = ? WHERE id = ?").params(UtcTimes.toColumn(now), householdId).update();
    }

    public void insertInvitation(long householdId, String code, long invitedBy, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO household_invitation (household_id, code, invited_by, created_at, expires_at, status)"
                        + " VALUES (?, ?, ?, ?, ?, 'PENDING')")
                .params(householdId, code, invitedBy, UtcTimes.toColumn(now), UtcTimes.toColumn(expiresAt)).update();
    }

    public Optional<InvitationRow> invitation(String code) {
        return jdbc.sql("SELECT id, household_id, code, invited_by, expires_at, status FROM household_invitation WHERE code = ?")
                .param(code)
                .query((rs, row) -> new InvitationRow(rs.getLong("id"), rs.getLong("household_id"), rs.getString("code"),
                        rs.getLong("invited_by"), instant(rs, "expires_at"), rs.getString("status")))
                .optional();
    }

    /** Answers a pending invitation once; false when it was answered meanwhile. */
    public boolean answerInvitation(long invitationId, String status, long memberId, Instant now) {
        return jdbc.sql("UPDATE household_invitation SET status = ?, answered_by = ?, answered_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(status, memberId, UtcTimes.toColumn(now), invitationId).update() == 1;
    }

    public long unspent(long householdId, long memberId) {
        return jdbc.sql("SELECT COALESCE(MAX(unspent), 0) FROM household_contribution WHERE household_id = ? AND member_id = ?")
                .params(householdId, memberId).query(Long.class).single();
    }

    /** Every member's unspent contribution, by member. */
    public Map<Long, Long> contributions(long householdId) {
        return jdbc.sql("SELECT member_id, unspent FROM household_contribution WHERE household_id = ?").param(householdId)
                .query((rs, row) -> Map.entry(rs.getLong("member_id"), rs.getLong("unspent"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A member's points in the pool that no redemption has spent yet. */
    public record Contribution(long memberId, long unspent) {
    }

    /** Every member's unspent contribution, locked, largest first. */
    public List<Contribution> lockContributions(long householdId) {
        return jdbc.sql("SELECT member_id, unspent FROM household_contribution WHERE household_id = ? ORDER BY unspent DESC, member_id FOR UPDATE")
                .param(householdId).query((rs, row) -> new Contribution(rs.getLong("member_id"), rs.getLong("unspent"))).list();
    }

    /** One statement: a sweep and a pooling of the same member's first contribution may race. */
    public void addContribution(long householdId, long memberId, long points) {
        jdbc.sql("INSERT INTO household_contribution (household_id, member_id, unspent) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE unspent = unspent + VALUES(unspent)")
                .params(householdId, memberId, points).update();
    }

    public void setContribution(long householdId, long memberId, long unspent) {
        jdbc.sql("UPDATE household_contribution SET unspent = ? WHERE household_id = ? AND member_id = ?")
                .params(unspent, householdId, memberId).update();
    }

    public void deleteContribution(long householdId, long memberId) {
        jdbc.sql("DELETE FROM household_contribution WHERE household_id = ? AND member_id = ?").params(householdId, memberId).update();
    }

    /** A member's standing rule: this share of every purchase's points goes into their household's pool. */
    public record SweepRule(long householdId, int percent) {
    }

    /** The sweep rule of a member who sweeps, with the membership locked; one statement per purchase. */
    public Optional<SweepRule> lockSweep(long memberId) {
        return jdbc.sql("SELECT m.household_id, s.percent FROM household_membership m JOIN household_sweep s ON s.member_id = m.member_id"
                        + " WHERE m.member_id = ? FOR UPDATE")
                .param(memberId).query((rs, row) -> new SweepRule(rs.getLong("household_id"), rs.getInt("percent"))).optional();
    }

    public Optional<Integer> sweepPercent(long memberId) {
        return jdbc.sql("SELECT percent FROM household_sweep WHERE member_id = ?").param(memberId).query(Integer.class).optional();
    }

    public void setSweep(long memberId, long householdId, @Nullable Integer percent, Instant now) {
        jdbc.sql("DELETE FROM household_sweep WHERE member_id = ?").param(memberId).update();
        if (percent != null) {
            jdbc.sql("INSERT INTO household_sweep (member_id, household_id, percent, set_at) VALUES (?, ?, ?, ?)")
                    .params(memberId, householdId, percent, UtcTimes.toColumn(now)).update();
        }
    }

    public void insertGift(long householdId, long from, long to, long points, long entryId, Instant now) {
        jdbc.sql("INSERT INTO household_gift (household_id, from_member, to_member, points, entry_id, given_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(householdId, from, to, points, entryId, UtcTimes.toColumn(now)).update();
    }

    /** Points this member gave since {@code since}. */
    public long giftedSince(long memberId, Instant since) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM household_gift WHERE from_member = ? AND given_at >= ?")
                .params(memberId, UtcTimes.toColumn(since)).query(Long.class).single();
    }

    public Optional<GiftLimits> giftLimits() {
        return jdbc.sql("SELECT daily_limit, monthly_limit FROM household_gift_limit ORDER BY id DESC LIMIT 1")
                .query((rs, row) -> new GiftLimits(rs.getLong("daily_limit"), rs.getLong("monthly_limit"))).optional();
    }

    public void setGiftLimits(long daily, long monthly, Instant now, String by) {
        jdbc.sql("INSERT INTO household_gift_limit (daily_limit, monthly_limit, set_at, set_by) VALUES (?, ?, ?, ?)")
                .params(daily, monthly, UtcTimes.toColumn(now), by).update();
    }

    public void insertEvent(long householdId, @Nullable Long memberId, String kind, long actorId, @Nullable Long points, Instant now) {
        jdbc.sql("INSERT INTO household_event (household_id, member_id, kind, actor_id, points, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(householdId, memberId, kind, actorId, points, UtcTimes.toColumn(now)).update();
    }

    public List<EventRow> events(long householdId, int offset, int limit) {
        return jdbc.sql("SELECT id, member_id, kind, actor_id, points, at FROM household_event WHERE household_id = ?"
                        + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(householdId, limit, offset)
                .query((rs, row) -> {
                    long member = rs.getLong("member_id");
                    Long memberId = rs.wasNull() ? null : member;
                    long points = rs.getLong("points");
                    Long pointsValue = rs.wasNull() ? null : points;
                    return new EventRow(rs.getLong("id"), memberId, rs.getString("kind"), rs.getLong("actor_id"), pointsValue,
                            instant(rs, "at"));
                })
                .list();
    }

    public long eventCount(long householdId) {
        return jdbc.sql("SELECT COUNT(*) FROM household_event WHERE household_id = ?").param(householdId).query(Long.class).single();
    }

    private static HouseholdRow household(ResultSet rs, int row) throws SQLException {
        LocalDateTime dissolved = rs.getObject("dissolved_at", LocalDateTime.class);
        return new HouseholdRow(rs.getLong("id"), rs.getString("name"), rs.getLong("head_member_id"),
                LeavingRule.valueOf(rs.getString("leaving_rule")), dissolved == null ? null : UtcTimes.fromColumn(dissolved));
    }

    private static MembershipRow membership(ResultSet rs, int row) throws SQLException {
        return new MembershipRow(rs.getLong("member_id"), rs.getLong("household_id"), rs.getBoolean("can_redeem"),
                instant(rs, "joined_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcTimes.fromColumn(rs.getObject(column, LocalDateTime.class));
    }
}
