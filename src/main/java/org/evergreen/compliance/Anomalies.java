package org.evergreen.compliance;

import org.evergreen.compliance.internal.AnomalyQuery;
import org.evergreen.compliance.internal.AnomalyQuery.Candidate;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.EvergreenUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anomaly monitors: each scan runs every enabled monitor over the recent purchases and gifts with the admin's thresholds
 * and keeps what they find, once per subject. Findings are reviewed by an admin, who dismisses one with a note or turns
 * it into a case (the case then takes the evidence and the four eyes); a finding never moves a point by itself.
 */
@Service
public class Anomalies {

    /** How far back a scan looks: the longest window a monitor may have, so a scan missed (a node down) is caught up. */
    static final Duration LOOKBACK = Duration.ofDays(7);
    private static final int MAX_WINDOW_MINUTES = (int) LOOKBACK.toMinutes();
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final AnomalyQuery query;
    private final Cases cases;
    private final CurrentUser currentUser;
    private final MerchantDirectory merchants;
    private final ActionLog actionLog;
    private final Clock clock;
    private final ZoneId zone;

    Anomalies(AnomalyQuery query, Cases cases, CurrentUser currentUser, MerchantDirectory merchants, ActionLog actionLog, Clock clock,
              @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.query = query;
        this.cases = cases;
        this.currentUser = currentUser;
        this.merchants = merchants;
        this.actionLog = actionLog;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(fixedDelayString = "${evergreen.anomalies.scan-interval:PT5M}", initialDelayString = "${evergreen.anomalies.scan-interval:PT5M}")
    void scanPeriodically() {
        SystemActor.run(this::scan);
    }

    /**
     * Runs every enabled monitor now; returns how many new findings it made. Each finding is its own short insert, so
     * the scan holds no locks while it reads; it is safe on every node at once.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int scan() {
        Instant now = clock.instant();
        Instant since = now.minus(LOOKBACK);
        int found = 0;
        for (MonitorSettings settings : query.settings().values()) {
            if (!settings.enabled()) {
                continue;
            }
            List<Candidate> candidates = switch (settings.monitor()) {
                case DUPLICATE_RECEIPT -> query.duplicateReceipts(settings, since);
                case ODD_HOURS -> query.oddHours(settings, since, zone.getRules().getOffset(now).getTotalSeconds() / 60);
                case GIFT_CHAIN -> query.giftChains(settings, since);
                case JUST_UNDER_THRESHOLD -> query.justUnderThreshold(settings, since);
                case BURST -> bursts(settings, now);
            };
            for (Candidate candidate : candidates) {
                List<Finding.Subject> subjects = candidate.purchaseIds().isEmpty() ? candidate.giftSubjects()
                        : query.purchaseSubjects(candidate.purchaseIds());
                if (query.insert(settings.monitor(), candidate, subjects, now)) {
                    found++;
                }
            }
        }
        return found;
    }

    /** The last complete windows of the past day, each against the store's usual rate before it. */
    private List<Candidate> bursts(MonitorSettings settings, Instant now) {
        long windowSeconds = Duration.ofMinutes(settings.windowMinutes()).toSeconds();
        Instant lastEnd = Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
        List<Candidate> found = new ArrayList<>();
        for (Instant end = lastEnd; end.isAfter(now.minus(Duration.ofDays(1))); end = end.minusSeconds(windowSeconds)) {
            found.addAll(query.bursts(settings, end.minusSeconds(windowSeconds), end));
        }
        return found;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public Map<Monitor, MonitorSettings> settings() {
        return query.settings();
    }

    /**
     * An admin sets a monitor's thresholds: a count of at least one, a window of at most seven days, the amount (just under
     * which purchases are watched) and a percentage of 1–1,000 where the monitor uses them.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void configure(MonitorSettings settings) {
        if (settings.threshold() < 1 || settings.threshold() > 100_000) {
            throw new InvalidInputException("threshold", "anomalies.threshold");
        }
        if (settings.windowMinutes() < 1 || settings.windowMinutes() > MAX_WINDOW_MINUTES) {
            throw new InvalidInputException("windowMinutes", "anomalies.window", MAX_WINDOW_MINUTES);
        }
        boolean usesAmount = settings.monitor() == Monitor.JUST_UNDER_THRESHOLD;
        boolean usesPercent = usesAmount || settings.monitor() == Monitor.BURST;
        if (usesAmount && (settings.amount() == null || settings.amount().signum() <= 0 || settings.amount().compareTo(MAX_AMOUNT) > 0)) {
            throw new InvalidInputException("amount", "anomalies.amount");
        }
        if (usesPercent && (settings.percent() == null || settings.percent() < 1 || settings.percent() > 1_000)) {
            throw new InvalidInputException("percent", "anomalies.percent");
        }
        EvergreenUser admin = currentUser.require(Role.ADMIN);
        query.saveSettings(new MonitorSettings(settings.monitor(), settings.enabled(), settings.threshold(), settings.windowMinutes(),
                usesAmount ? settings.amount() : null, usesPercent ? settings.percent() : null), admin.id(), clock.instant());
        actionLog.record("monitor.configured", "monitor:" + settings.monitor().name(), (settings.enabled() ? "on" : "off") + ", threshold "
                + settings.threshold() + ", window " + settings.windowMinutes() + " min"
                + (settings.amount() == null ? "" : ", amount " + settings.amount().toPlainString())
                + (settings.percent() == null ? "" : ", " + settings.percent() + " %"));
    }

    /** Findings newest first, of one status or all; a regulator limited to districts sees those of its merchants. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public List<Finding> page(Finding.@Nullable Status status, @Nullable Long before, int limit) {
        return query.page(status, merchants.supervisedMerchants().orElse(null), before, Math.clamp(limit, 1, 500));
    }

    /** The member numbers of the members these findings concern, to name them and to open a case. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public Map<Long, String> memberNumbers(List<Finding> findings) {
        return query.memberNumbers(findings.stream().flatMap(finding -> finding.subjects().stream()).map(Finding.Subject::memberId)
                .distinct().toList());
    }

    /** An admin sets a finding aside with the reason, say a family that really shops together. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void dismiss(long findingId, String note) {
        String reason = TextRules.requirePlainText("note", note, 1000);
        Finding finding = newFinding(findingId);
        if (!query.review(finding.id(), Finding.Status.DISMISSED, currentUser.require(Role.ADMIN).id(), clock.instant(), reason, null)) {
            throw new InvalidInputException("finding", "anomalies.reviewedAlready");
        }
        actionLog.record("finding.dismissed", "finding:" + findingId, reason);
    }

    /**
     * An admin turns a finding into a case against one of its members: the case is opened (with its own checks: the
     * member's entries, the points, the evidence to come) and the finding points to it, in one transaction.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long openCase(long findingId, CaseDraft draft, @Nullable String firstNote) {
        Finding finding = newFinding(findingId);
        long caseId = cases.open(draft, firstNote);
        if (!query.review(finding.id(), Finding.Status.CASE_OPENED, currentUser.require(Role.ADMIN).id(), clock.instant(), null, caseId)) {
            throw new InvalidInputException("finding", "anomalies.reviewedAlready");
        }
        actionLog.record("finding.caseOpened", "finding:" + findingId, "case " + caseId);
        return caseId;
    }

    private Finding newFinding(long findingId) {
        Finding finding = query.finding(findingId).orElseThrow(() -> new InvalidInputException("finding", "anomalies.unknown"));
        if (finding.status() != Finding.Status.NEW) {
            throw new InvalidInputException("finding", "anomalies.reviewedAlready");
        }
        return finding;
    }
}
