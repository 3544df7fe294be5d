package org.evergreen.compliance.internal;

import org.evergreen.compliance.CaseBehaviour;
import org.evergreen.compliance.CaseFile;
import org.evergreen.compliance.CaseStatus;
import org.evergreen.compliance.PointsCase;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The cases, their evidence and timelines; and the read-only look at the journal that opening a case needs. */
@Repository
public class CaseRepository {

    /** A case as opened: who, against whom, why, which entries and how many points. */
    public record NewCase(String reference, long memberId, @Nullable Long merchantId, CaseBehaviour behaviour, String summary,
                          List<Long> entryIds, long points, int appealDays, long openedBy, Instant openedAt) {
    }

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> memberByNumber(String memberNumber) {
        return jdbc.sql("SELECT user_id FROM member_member WHERE member_number = ?").param(memberNumber).query(Long.class).optional();
    }

    /** Which of these entries moved the member's points (wallet, held or frozen). */
    public List<Long> entriesOfMember(long memberId, Collection<Long> entryIds) {
        return jdbc.sql("""
                        SELECT DISTINCT p.entry_id FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.owner_id = :member AND a.type IN ('MEMBER_WALLET', 'MEMBER_HELD', 'MEMBER_FROZEN') AND p.entry_id IN (:ids)""")
                .param("member", memberId).param("ids", entryIds).query(Long.class).list();
    }

    /** Which of these entries are earns the merchant issued: points of its own purchases. */
    public List<Long> entriesOfMerchant(long merchantId, Collection<Long> entryIds) {
        return jdbc.sql("""
                        SELECT DISTINCT p.entry_id FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        JOIN ledger_entry e ON e.id = p.entry_id
                        WHERE a.owner_id = :merchant AND a.type = 'MERCHANT_ISSUANCE' AND e.kind = 'EARN' AND p.entry_id IN (:ids)""")
                .param("merchant", merchantId).param("ids", entryIds).query(Long.class).list();
    }

    /** The merchants whose issuance these entries came from. */
    public List<Long> issuersOf(Collection<Long> entryIds) {
        return jdbc.sql("""
                        SELECT DISTINCT a.owner_id FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.type = 'MERCHANT_ISSUANCE' AND p.entry_id IN (:ids) ORDER BY a.owner_id""")
                .param("ids", entryIds).query(Long.class).list();
    }

    public void concerns(long caseId, Collection<Long> merchantIds) {
        merchantIds.forEach(merchant -> jdbc.sql("INSERT INTO compliance_case_merchant (case_id, merchant_id) VALUES (?, ?)")
                .params(caseId, merchant).update());
    }

    /** The merchants whose issuance the case's entries came from. */
    public Set<Long> merchantsConcerned(long caseId) {
        return Set.copyOf(jdbc.sql("SELECT merchant_id FROM compliance_case_merchant WHERE case_id = ?").param(caseId).query(Long.class).list());
    }

    /** Cases about these merchants' points, newest first, before the cursor. */
    public List<PointsCase> pageConcerning(Collection<Long> merchantIds, @Nullable Long before, int limit) {
        if (merchantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM compliance_case WHERE id < :before
                          AND id IN (SELECT case_id FROM compliance_case_merchant WHERE merchant_id IN (:merchants))
                        ORDER BY id DESC LIMIT :limit""")
                .param("before", before == null ? Long.MAX_VALUE : before).param("merchants", merchantIds).param("limit", limit)
                .query(CaseRepository::toCase).list();
    }

    /** The points these entries brought the member's accounts. */
    public long creditedToMember(long memberId, Collection<Long> entryIds) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount), 0) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.owner_id = :member AND a.type IN ('MEMBER_WALLET', 'MEMBER_HELD', 'MEMBER_FROZEN') AND p.amount > 0
                          AND p.entry_id IN (:ids)""")
                .param("member", memberId).param("ids", entryIds).query(Long.class).single();
    }

    public long insert(NewCase opened) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO compliance_case (reference, member_id, merchant_id, behaviour, summary, entry_ids, points, appeal_days,
                                                     status, opened_by, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPENED', ?, ?)""")
                .params(opened.reference(), opened.memberId(), opened.merchantId(), opened.behaviour().name(), opened.summary(),
                        opened.entryIds().stream().map(String::valueOf).collect(Collectors.joining(",")), opened.points(),
                        opened.appealDays(), opened.openedBy(), UtcTimes.toColumn(opened.openedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The case, its row locked until the transaction ends: every change of state reads it this way first. */
    public Optional<PointsCase> lock(long caseId) {
        return jdbc.sql("SELECT * FROM compliance_case WHERE id = ? FOR UPDATE").param(caseId).query(CaseRepository::toCase).optional();
    }

    public Optional<PointsCase> find(long caseId) {
        return jdbc.sql("SELECT * FROM compliance_case WHERE id = ?").param(caseId).query(CaseRepository::toCase).optional();
    }

    public void frozen(long caseId, long adminId, Instant now, Instant appealUntil, Instant decideBy) {
        jdbc.sql("UPDATE compliance_case SET status = 'FROZEN', frozen_by = ?, frozen_at = ?, appeal_until = ?, decide_by = ? WHERE id = ?")
                .params(adminId, UtcTimes.toColumn(now), UtcTimes.toColumn(appealUntil), UtcTimes.toColumn(decideBy), caseId)
                .update();
    }

    public void decided(long caseId, CaseStatus outcome, long adminId, Instant now, String reason, long deducted) {
        jdbc.sql("""
                        UPDATE compliance_case SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, deducted_points = ?
                        WHERE id = ?""")
                .params(outcome.name(), adminId, UtcTimes.toColumn(now), reason, deducted, caseId)
                .update();
    }

    public void addEvidence(long caseId, String party, @Nullable String note, @Nullable String fileName, @Nullable String contentType,
                            byte @Nullable [] content, @Nullable String sha256, long addedBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO compliance_case_evidence (case_id, party, note, file_name, content_type, content, sha256, added_by, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, party, note, fileName, contentType, content, sha256, addedBy, UtcTimes.toColumn(now))
                .update();
    }

    public long evidenceCount(long caseId, String party) {
        return jdbc.sql("SELECT COUNT(*) FROM compliance_case_evidence WHERE case_id = ? AND party = ?").params(caseId, party)
                .query(Long.class).single();
    }

    public void event(long caseId, long actorId, String event, String detail, Instant now) {
        jdbc.sql("INSERT INTO compliance_case_event (case_id, at, actor_id, event, detail) VALUES (?, ?, ?, ?, ?)")
                .params(caseId, UtcTimes.toColumn(now), actorId, event, detail).update();
    }

    public List<CaseFile.Evidence> evidence(long caseId) {
        return jdbc.sql("SELECT id, party, note, file_name, sha256, added_by, added_at FROM compliance_case_evidence WHERE case_id = ? ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new CaseFile.Evidence(rs.getLong("id"), rs.getString("party"), rs.getString("note"), rs.getString("file_name"),
                        rs.getString("sha256"), rs.getLong("added_by"), instant(rs, "added_at")))
                .list();
    }

    public record StoredFile(long caseId, String fileName, String contentType, byte[] content) {
    }

    public Optional<StoredFile> file(long evidenceId) {
        return jdbc.sql("SELECT case_id, file_name, content_type, content FROM compliance_case_evidence WHERE id = ? AND content IS NOT NULL")
                .param(evidenceId)
                .query((rs, n) -> new StoredFile(rs.getLong("case_id"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    public List<CaseFile.Event> timeline(long caseId) {
        return jdbc.sql("SELECT at, actor_id, event, detail FROM compliance_case_event WHERE case_id = ? ORDER BY id").param(caseId)
                .query((rs, n) -> new CaseFile.Event(instant(rs, "at"), rs.getLong("actor_id"), rs.getString("event"), rs.getString("detail")))
                .list();
    }

    /** Cases newest first, before the cursor; of one member, or of one merchant, or all. */
    public List<PointsCase> page(@Nullable Long memberId, @Nullable Long merchantId, @Nullable Long before, int limit) {
        return jdbc.sql("SELECT * FROM compliance_case WHERE id < :before"
                        + (memberId == null ? "" : " AND member_id = :member") + (merchantId == null ? "" : " AND merchant_id = :merchant")
                        + " ORDER BY id DESC LIMIT :limit")
                .param("before", before == null ? Long.MAX_VALUE : before).param("limit", limit)
                .params(memberId == null ? Map.of() : Map.of("member", memberId))
                .params(merchantId == null ? Map.of() : Map.of("merchant", merchantId))
                .query(CaseRepository::toCase).list();
    }

    /** Frozen cases whose decision time has passed: they release themselves. */
    public List<Long> overdue(Instant now) {
        return jdbc.sql("SELECT id FROM compliance_case WHERE status = 'FROZEN' AND decide_by < ? ORDER BY id LIMIT 100")
                .param(UtcTimes.toColumn(now)).query(Long.class).list();
    }

    private static PointsCase toCase(ResultSet rs, int row) throws SQLException {
        String entries = rs.getString("entry_ids");
        return new PointsCase(rs.getLong("id"), rs.getString("reference"), rs.getLong("member_id"), rs.getObject("merchant_id", Long.class),
                CaseBehaviour.valueOf(rs.getString("behaviour")), rs.getString("summary"),
                entries.isEmpty() ? List.of() : Arrays.stream(entries.split(",")).map(Long::valueOf).toList(),
                rs.getLong("points"), rs.getInt("appeal_days"), CaseStatus.valueOf(rs.getString("status")), rs.getLong("opened_by"),
                instant(rs, "opened_at"), rs.getObject("frozen_by", Long.class), instant(rs, "frozen_at"), instant(rs, "appeal_until"),
                instant(rs, "decide_by"), rs.getObject("decided_by", Long.class), instant(rs, "decided_at"), rs.getString("decision_reason"),
                rs.getObject("deducted_points", Long.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : UtcTimes.fromColumn(value);
    }
}
