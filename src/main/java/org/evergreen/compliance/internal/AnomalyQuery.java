package org.evergreen.compliance.internal;

import org.evergreen.compliance.Finding;
import org.evergreen.compliance.Monitor;
import org.evergreen.compliance.MonitorSettings;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The anomaly monitors' read-only view of purchases, gifts and their ledger entries, and the findings they keep. Each
 * detection is one grouped query over a recent window of recorded rows; what it finds is keyed by its subject, so a
 * scan again (or a scan on another node) finds it once.
 */
@Component
public class AnomalyQuery {

    /** What a detection found, before it is stored: purchases (or gift entries) name the members and entries concerned. */
    public record Candidate(String subjectKey, @Nullable Long merchantId, @Nullable Long storeId, Instant observedFrom, Instant observedTo,
                            long observed, String detail, List<Long> purchaseIds, List<Finding.Subject> giftSubjects) {
    }

    /** The most members a finding lists (its column holds about 2,000 characters of them). */
    private static final int MAX_SUBJECTS = 40;

    private final JdbcClient jdbc;

    AnomalyQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Candidate> duplicateReceipts(MonitorSettings settings, Instant since) {
        return jdbc.sql("""
                        SELECT receipt_number, COUNT(DISTINCT merchant_id) AS merchants, MIN(purchased_at) AS first_at,
                               MAX(purchased_at) AS last_at, MIN(id) AS first_id, GROUP_CONCAT(id ORDER BY id) AS ids
                        FROM earning_purchase WHERE created_at >= :since
                        GROUP BY receipt_number
                        HAVING COUNT(DISTINCT merchant_id) >= :threshold AND TIMESTAMPDIFF(MINUTE, MIN(purchased_at), MAX(purchased_at)) <= :window""")
                .param("since", UtcTimes.toColumn(since)).param("threshold", settings.threshold()).param("window", settings.windowMinutes())
                .query((rs, n) -> new Candidate("receipt:" + rs.getString("receipt_number") + ":" + rs.getLong("first_id"), null, null,
                        time(rs, "first_at"), time(rs, "last_at"), rs.getLong("merchants"), rs.getString("receipt_number"), ids(rs), List.of()))
                .list();
    }

    /** Stores where many members earned between midnight and 5 a.m. of one night, in the zone {@code offsetMinutes} from UTC. */
    public List<Candidate> oddHours(MonitorSettings settings, Instant since, int offsetMinutes) {
        return jdbc.sql("""
                        SELECT store_id, merchant_id, DATE(local_time) AS night, COUNT(DISTINCT member_id) AS members,
                               MIN(purchased_at) AS first_at, MAX(purchased_at) AS last_at, GROUP_CONCAT(id ORDER BY id) AS ids
                        FROM (SELECT id, store_id, merchant_id, member_id, purchased_at,
                                     DATE_ADD(purchased_at, INTERVAL :offset MINUTE) AS local_time
                              FROM earning_purchase WHERE created_at >= :since) recent
                        WHERE HOUR(local_time) < 5
                        GROUP BY store_id, merchant_id, DATE(local_time)
                        HAVING COUNT(DISTINCT member_id) >= :threshold""")
                .param("since", UtcTimes.toColumn(since)).param("offset", offsetMinutes).param("threshold", settings.threshold())
                .query((rs, n) -> new Candidate("store:" + rs.getLong("store_id") + ":" + rs.getString("night"), rs.getLong("merchant_id"),
                        rs.getLong("store_id"), time(rs, "first_at"), time(rs, "last_at"), rs.getLong("members"), rs.getString("night"), ids(rs),
                        List.of()))
                .list();
    }

    /** Members into whose account several members gave points soon after buying, within the window. */
    public List<Candidate> giftChains(MonitorSettings settings, Instant since) {
        return jdbc.sql("""
                        SELECT g.to_member, COUNT(DISTINCT g.from_member) AS senders, MIN(g.given_at) AS first_at, MAX(g.given_at) AS last_at,
                               GROUP_CONCAT(g.entry_id ORDER BY g.entry_id) AS ids
                        FROM household_gift g
                        WHERE g.given_at >= :since
                          AND EXISTS (SELECT 1 FROM earning_purchase p WHERE p.member_id = g.from_member
                                      AND p.created_at BETWEEN DATE_SUB(g.given_at, INTERVAL :window MINUTE) AND g.given_at)
                        GROUP BY g.to_member
                        HAVING COUNT(DISTINCT g.from_member) >= :threshold
                           AND TIMESTAMPDIFF(MINUTE, MIN(g.given_at), MAX(g.given_at)) <= :window""")
                .param("since", UtcTimes.toColumn(since)).param("threshold", settings.threshold()).param("window", settings.windowMinutes())
                .query((rs, n) -> {
                    Instant first = time(rs, "first_at");
                    long recipient = rs.getLong("to_member");
                    return new Candidate("to:" + recipient + ":" + first.getEpochSecond() / Duration.ofMinutes(settings.windowMinutes()).toSeconds(),
                            null, null, first, time(rs, "last_at"), rs.getLong("senders"), String.valueOf(recipient), List.of(),
                            List.of(new Finding.Subject(recipient, ids(rs))));
                })
                .list();
    }

    public List<Candidate> justUnderThreshold(MonitorSettings settings, Instant since) {
        BigDecimal amount = settings.amount() == null ? Monitor.JUST_UNDER_THRESHOLD.defaults().amount() : settings.amount();
        int percent = settings.percent() == null ? 10 : settings.percent();
        BigDecimal low = amount.multiply(BigDecimal.valueOf(100 - percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.CEILING);
        return jdbc.sql("""
                        SELECT member_id, store_id, merchant_id, COUNT(*) AS purchases, MIN(purchased_at) AS first_at, MAX(purchased_at) AS last_at,
                               MIN(id) AS first_id, GROUP_CONCAT(id ORDER BY id) AS ids
                        FROM earning_purchase
                        WHERE created_at >= :since AND total >= :low AND total < :amount
                        GROUP BY member_id, store_id, merchant_id
                        HAVING COUNT(*) >= :threshold AND TIMESTAMPDIFF(MINUTE, MIN(purchased_at), MAX(purchased_at)) <= :window""")
                .param("since", UtcTimes.toColumn(since)).param("low", low).param("amount", amount).param("threshold", settings.threshold())
                .param("window", settings.windowMinutes())
                .query((rs, n) -> new Candidate("member:" + rs.getLong("member_id") + ":store:" + rs.getLong("store_id") + ":" + rs.getLong("first_id"),
                        rs.getLong("merchant_id"), rs.getLong("store_id"), time(rs, "first_at"), time(rs, "last_at"), rs.getLong("purchases"),
                        amount.toPlainString(), ids(rs), List.of()))
                .list();
    }

    /** Stores with many purchases in the window just ended, far above their usual rate over the 28 days before it. */
    public List<Candidate> bursts(MonitorSettings settings, Instant windowStart, Instant windowEnd) {
        int percent = settings.percent() == null ? 500 : settings.percent();
        Instant baselineStart = windowStart.minus(Duration.ofDays(28));
        double windowsInBaseline = Duration.between(baselineStart, windowStart).toMinutes() / (double) settings.windowMinutes();
        record Burst(long storeId, long merchantId, long purchases, String ids) {
        }
        List<Burst> busy = jdbc.sql("""
                        SELECT store_id, merchant_id, COUNT(*) AS purchases, GROUP_CONCAT(id ORDER BY id) AS ids
                        FROM earning_purchase WHERE created_at >= :from AND created_at < :to
                        GROUP BY store_id, merchant_id HAVING COUNT(*) >= :threshold""")
                .param("from", UtcTimes.toColumn(windowStart)).param("to", UtcTimes.toColumn(windowEnd)).param("threshold", settings.threshold())
                .query((rs, n) -> new Burst(rs.getLong("store_id"), rs.getLong("merchant_id"), rs.getLong("purchases"), rs.getString("ids"))).list();
        List<Candidate> found = new ArrayList<>();
        for (Burst burst : busy) {
            long before = jdbc.sql("SELECT COUNT(*) FROM earning_purchase WHERE store_id = ? AND created_at >= ? AND created_at < ?")
                    .params(burst.storeId(), UtcTimes.toColumn(baselineStart), UtcTimes.toColumn(windowStart)).query(Long.class).single();
            double usual = before / windowsInBaseline;
            if (burst.purchases() * 100.0 >= percent * usual) {
                found.add(new Candidate("store:" + burst.storeId() + ":" + windowStart.getEpochSecond(), burst.merchantId(), burst.storeId(),
                        windowStart, windowEnd, burst.purchases(), "%.1f".formatted(usual), parse(burst.ids()), List.of()));
            }
        }
        return found;
    }

    /** Each member of these purchases with the earn entries that credited them, the first {@value MAX_SUBJECTS} members. */
    public List<Finding.Subject> purchaseSubjects(Collection<Long> purchaseIds) {
        if (purchaseIds.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> byMember = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT p.member_id, e.id FROM earning_purchase p
                        JOIN ledger_entry e ON e.reference = CONCAT('purchase:', p.id) AND e.kind = 'EARN'
                        WHERE p.id IN (:ids) ORDER BY p.member_id, e.id""")
                .param("ids", purchaseIds.stream().limit(500).toList())
                .query(rs -> {
                    byMember.computeIfAbsent(rs.getLong("member_id"), member -> new ArrayList<>()).add(rs.getLong("id"));
                });
        return byMember.entrySet().stream().limit(MAX_SUBJECTS).map(member -> new Finding.Subject(member.getKey(),
                member.getValue().stream().limit(10).toList())).toList();
    }

    public Map<Long, String> memberNumbers(Collection<Long> memberIds) {
        Map<Long, String> numbers = new LinkedHashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("SELECT user_id, member_number FROM member_member WHERE user_id IN (:ids)").param("ids", memberIds)
                    .query(rs -> {
                        numbers.put(rs.getLong("user_id"), rs.getString("member_number"));
                    });
        }
        return numbers;
    }

    /** Stores the finding unless its subject was found before; whether it is new. */
    public boolean insert(Monitor monitor, Candidate candidate, List<Finding.Subject> subjects, Instant now) {
        return jdbc.sql("""
                        INSERT INTO compliance_finding (monitor, subject_key, merchant_id, store_id, observed_from, observed_to, observed, detail,
                                                        subjects, status, detected_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?)
                        ON DUPLICATE KEY UPDATE id = id""")
                .params(monitor.name(), candidate.subjectKey(), candidate.merchantId(), candidate.storeId(), UtcTimes.toColumn(candidate.observedFrom()),
                        UtcTimes.toColumn(candidate.observedTo()), candidate.observed(), candidate.detail(), encode(subjects), UtcTimes.toColumn(now))
                .update() == 1;
    }

    public Optional<Finding> finding(long id) {
        return jdbc.sql("SELECT * FROM compliance_finding WHERE id = ?").param(id).query(AnomalyQuery::toFinding).optional();
    }

    /** Findings newest first before the cursor; of one status or all; of these merchants only, when given. */
    public List<Finding> page(Finding.@Nullable Status status, @Nullable Collection<Long> merchants, @Nullable Long before, int limit) {
        if (merchants != null && merchants.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM compliance_finding WHERE id < :before" + (status == null ? "" : " AND status = :status")
                        + (merchants == null ? "" : " AND merchant_id IN (:merchants)") + " ORDER BY id DESC LIMIT :limit")
                .param("before", before == null ? Long.MAX_VALUE : before).param("status", status == null ? "" : status.name())
                .param("merchants", merchants == null ? List.of(-1L) : merchants).param("limit", limit)
                .query(AnomalyQuery::toFinding).list();
    }

    /** Marks a new finding reviewed; false when someone reviewed it first. */
    public boolean review(long id, Finding.Status outcome, long adminId, Instant now, @Nullable String note, @Nullable Long caseId) {
        return jdbc.sql("""
                        UPDATE compliance_finding SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?, case_id = ?
                        WHERE id = ? AND status = 'NEW'""")
                .params(outcome.name(), adminId, UtcTimes.toColumn(now), note, caseId, id).update() == 1;
    }

    public Map<Monitor, MonitorSettings> settings() {
        Map<Monitor, MonitorSettings> settings = new LinkedHashMap<>();
        Arrays.stream(Monitor.values()).forEach(monitor -> settings.put(monitor, monitor.defaults()));
        jdbc.sql("SELECT * FROM compliance_monitor_setting").query(rs -> {
            Monitor monitor = Monitor.valueOf(rs.getString("monitor"));
            settings.put(monitor, new MonitorSettings(monitor, rs.getBoolean("enabled"), rs.getInt("threshold"), rs.getInt("window_minutes"),
                    rs.getBigDecimal("amount"), rs.getObject("percent", Integer.class)));
        });
        return settings;
    }

    public void saveSettings(MonitorSettings settings, long adminId, Instant now) {
        jdbc.sql("""
                        INSERT INTO compliance_monitor_setting (monitor, enabled, threshold, window_minutes, amount, percent, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), threshold = VALUES(threshold), window_minutes = VALUES(window_minutes),
                            amount = VALUES(amount), percent = VALUES(percent), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)""")
                .params(settings.monitor().name(), settings.enabled(), settings.threshold(), settings.windowMinutes(), settings.amount(),
                        settings.percent(), adminId, UtcTimes.toColumn(now))
                .update();
    }

    private static String encode(List<Finding.Subject> subjects) {
        StringBuilder encoded = new StringBuilder();
        for (Finding.Subject subject : subjects) {
            String next = subject.memberId() + ":" + subject.entryIds().stream().map(String::valueOf).collect(Collectors.joining("|"));
            if (encoded.length() + next.length() + 1 > 2000) {
                break;
            }
            encoded.append(encoded.isEmpty() ? "" : ";").append(next);
        }
        return encoded.toString();
    }

    private static List<Finding.Subject> decode(String subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(subjects.split(";")).map(subject -> {
            String[] parts = subject.split(":", 2);
            return new Finding.Subject(Long.parseLong(parts[0]), parts[1].isEmpty() ? List.of() : parse(parts[1].replace('|', ',')));
        }).toList();
    }

    private static Finding toFinding(ResultSet rs, int row) throws SQLException {
        return new Finding(rs.getLong("id"), Monitor.valueOf(rs.getString("monitor")), rs.getObject("merchant_id", Long.class),
                rs.getObject("store_id", Long.class), time(rs, "observed_from"), time(rs, "observed_to"), rs.getLong("observed"),
                rs.getString("detail"), decode(rs.getString("subjects")), Finding.Status.valueOf(rs.getString("status")), time(rs, "detected_at"),
                rs.getString("review_note"), rs.getObject("case_id", Long.class));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        return UtcTimes.fromColumn(rs.getObject(column, LocalDateTime.class));
    }

    private static List<Long> ids(ResultSet rs) throws SQLException {
        return parse(rs.getString("ids"));
    }

    private static List<Long> parse(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).filter(id -> !id.isBlank()).map(Long::parseLong).toList();
    }
}
