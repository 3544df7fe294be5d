package org.evergreen.compliance;

import org.evergreen.compliance.internal.CaseRepository;
import org.evergreen.ledger.Ledger;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.ledger.LedgerException;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.EvergreenUser;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.ReadableCodes;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cases against a member's points: the only way points are frozen or deducted. An admin (or a merchant owner, for
 * entries of its own purchases) opens a case with evidence; a second admin approves the freeze; the member may appeal
 * until the deadline; an admin other than the opener releases or deducts, in part or in full, with a written reason.
 * Every outcome is a ledger entry naming the case, and a freeze left undecided releases itself.
 */
@Service
public class Cases {

    static final int DEFAULT_APPEAL_DAYS = 15;
    /** After the appeal closes, the admins have this long to decide before the freeze lifts by itself. */
    static final Duration DECISION_TIME = Duration.ofDays(7);
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    private static final String CASE = "CASE";
    private static final String APPEAL = "APPEAL";
    private static final Pattern CONTENT_TYPE = Pattern.compile("^[a-z]+/[a-z0-9.+-]{1,80}$");
    private static final Logger log = LoggerFactory.getLogger(Cases.class);

    private final CaseRepository cases;
    private final Ledger ledger;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MerchantDirectory merchants;

    Cases(CaseRepository cases, Ledger ledger, CurrentUser currentUser, MerchantDirectory merchants, ActionLog actionLog,
          TransactionTemplate transaction, Clock clock) {
        this.cases = cases;
        this.merchants = merchants;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Opens a case, with a first note of evidence if there is one; nothing is frozen yet. Returns the case's id. */
    @PreAuthorize("hasRole('ADMIN') or hasRole('MERCHANT_OWNER')")
    @Transactional
    public long open(CaseDraft draft, @Nullable String firstNote) {
        EvergreenUser opener = currentUser.require();
        long memberId = cases.memberByNumber(draft.memberNumber() == null ? "" : draft.memberNumber().replaceAll("\\s", ""))
                .orElseThrow(() -> new InvalidInputException("memberNumber", "case.memberUnknown"));
        if (draft.behaviour() == null) {
            throw new InvalidInputException("behaviour", "validation.required");
        }
        String summary = TextRules.requirePlainText("summary", draft.summary(), 2000);
        String note = firstNote == null || firstNote.isBlank() ? null : TextRules.requirePlainText("note", firstNote, 2000);
        List<Long> entries = entryIds(draft.entryIds());
        if (!Set.copyOf(cases.entriesOfMember(memberId, entries)).containsAll(entries)) {
            throw new InvalidInputException("entryIds", "case.entriesNotMembers");
        }
        Long merchantId = opener.role() == Role.MERCHANT ? currentUser.merchantId() : null;
        if (merchantId != null && !Set.copyOf(cases.entriesOfMerchant(merchantId, entries)).containsAll(entries)) {
            throw new InvalidInputException("entryIds", "case.notYourPurchases");
        }
        if (draft.points() == null || draft.points() < 1) {
            throw new InvalidInputException("points", "case.points");
        }
        // A case never claims more than the entries it names brought the member.
        long credited = cases.creditedToMember(memberId, entries);
        if (draft.points() > credited) {
            throw new InvalidInputException("points", "case.pointsAboveEntries", credited);
        }
        int appealDays = draft.appealDays() == null ? DEFAULT_APPEAL_DAYS : draft.appealDays();
        if (appealDays < 1 || appealDays > 90) {
            throw new InvalidInputException("appealDays", "case.appealDays");
        }
        Instant now = clock.instant();
        String reference = "C-" + ReadableCodes.random(8);
        long id = cases.insert(new CaseRepository.NewCase(reference, memberId, merchantId, draft.behaviour(), summary, entries,
                draft.points(), appealDays, opener.id(), now));
        cases.concerns(id, cases.issuersOf(entries));
        if (note != null) {
            cases.addEvidence(id, CASE, note, null, null, null, null, opener.id(), now);
        }
        cases.event(id, opener.id(), "OPENED", draft.behaviour() + ", " + draft.points() + " points", now);
        actionLog.record("case.opened", "case:" + reference, "member " + memberId + ", " + draft.points() + " points, " + draft.behaviour());
        return id;
    }

    /** Adds a note or a file to a case that is not decided yet; a file is kept with its SHA-256. */
    @PreAuthorize("hasRole('ADMIN') or hasRole('MERCHANT_OWNER')")
    @Transactional
    public void addEvidence(long caseId, @Nullable String note, @Nullable String fileName, @Nullable String contentType, byte @Nullable [] content) {
        PointsCase locked = lockVisible(caseId);
        requireOpen(locked);
        record(caseId, CASE, note, fileName, contentType, content);
    }

    /** The second admin's approval: the case's points leave the member's available balance into their frozen account. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void approveFreeze(long caseId) {
        EvergreenUser admin = currentUser.require();
        PointsCase locked = cases.lock(caseId).orElseThrow(() -> new InvalidInputException("case", "case.unknown"));
        if (locked.status() != CaseStatus.OPENED) {
            throw new InvalidInputException("case", "case.notOpened");
        }
        if (locked.openedBy() == admin.id()) {
            throw new InvalidInputException("case", "case.fourEyes");
        }
        if (cases.evidenceCount(caseId, CASE) == 0) {
            throw new InvalidInputException("case", "case.evidenceRequired");
        }
        try {
            ledger.freeze(locked.memberId(), locked.points(), locked.reference(), "case-freeze:" + caseId);
        } catch (LedgerException refused) {
            if (refused.reason() == LedgerException.Reason.INSUFFICIENT_POINTS) {
                throw new InvalidInputException("case", "case.notEnoughPoints");
            }
            throw refused;
        }
        Instant now = clock.instant();
        Instant appealUntil = now.plus(Duration.ofDays(locked.appealDays()));
        cases.frozen(caseId, admin.id(), now, appealUntil, appealUntil.plus(DECISION_TIME));
        cases.event(caseId, admin.id(), "FROZEN", locked.points() + " points, appeal until " + appealUntil, now);
        actionLog.record("case.frozen", "case:" + locked.reference(), locked.points() + " points");
    }

    /** The member's appeal: a statement, and files if they have any, while the appeal is open. */
    @PreAuthorize("hasRole('MEMBER')")
    @Transactional
    public void appeal(long caseId, String statement, @Nullable String fileName, @Nullable String contentType, byte @Nullable [] content) {
        long memberId = currentUser.require(Role.MEMBER).id();
        PointsCase locked = cases.lock(caseId).filter(found -> found.memberId() == memberId)
                .orElseThrow(() -> new InvalidInputException("case", "case.unknown"));
        if (locked.status() != CaseStatus.FROZEN || locked.appealUntil() == null || !clock.instant().isBefore(locked.appealUntil())) {
            throw new InvalidInputException("statement", "case.appealClosed");
        }
        String checked = TextRules.requirePlainText("statement", statement, 2000);
        record(caseId, APPEAL, checked, fileName, contentType, content);
        cases.event(caseId, memberId, "APPEALED", "", clock.instant());
    }

    /**
     * Decides a frozen case: {@code deduct} points are taken for good (none: all released), the rest go back to the
     * member, by an admin who did not open it, with a reason the member reads.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void decide(long caseId, long deduct, String reason) {
        EvergreenUser admin = currentUser.require();
        PointsCase locked = cases.lock(caseId).orElseThrow(() -> new InvalidInputException("case", "case.unknown"));
        if (locked.status() != CaseStatus.FROZEN) {
            throw new InvalidInputException("case", "case.notFrozen");
        }
        if (locked.openedBy() == admin.id()) {
            throw new InvalidInputException("case", "case.fourEyes");
        }
        String checked = TextRules.requirePlainText("reason", reason, 2000);
        if (deduct < 0 || deduct > locked.points()) {
            throw new InvalidInputException("deduct", "case.deductTooMuch", locked.points());
        }
        // Points may be released at any time; taken only once the member has had the whole appeal period.
        if (deduct > 0 && locked.appealUntil() != null && clock.instant().isBefore(locked.appealUntil())) {
            throw new InvalidInputException("deduct", "case.appealStillOpen");
        }
        settle(locked, admin.id(), deduct, checked, deduct > 0 ? "DEDUCTED" : "RELEASED");
        actionLog.record("case.decided", "case:" + locked.reference(), deduct + " of " + locked.points() + " points deducted");
    }

    /** Frozen cases nobody decided in time release themselves, every point back to the member; safe on every node. */
    @Scheduled(fixedDelayString = "${evergreen.cases.release-interval:PT5M}", initialDelayString = "${evergreen.cases.release-interval:PT5M}")
    void releaseOverdue() {
        SystemActor.run(this::releaseOverdueNow);
    }

    /** Releases what is overdue now; returns how many cases it released. */
    @PreAuthorize("hasRole('ADMIN')")
    public int releaseOverdueNow() {
        int released = 0;
        for (long caseId : cases.overdue(clock.instant())) {
            try {
                Boolean done = transaction.execute(status -> cases.lock(caseId).filter(found -> found.status() == CaseStatus.FROZEN)
                        .map(found -> {
                            settle(found, SystemActor.SYSTEM.id(), 0, "decision time ran out", "AUTO_RELEASED");
                            return true;
                        }).orElse(false));
                released += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException failed) {
                // One case that cannot be released must not keep the others frozen past their time.
                log.error("Case {} could not be released", caseId, failed);
            }
        }
        return released;
    }

    private void settle(PointsCase locked, long actorId, long deduct, String reason, String event) {
        Instant now = clock.instant();
        if (deduct > 0) {
            ledger.deduct(locked.memberId(), deduct, locked.reference(), "case-deduct:" + locked.id());
        }
        if (locked.points() - deduct > 0) {
            ledger.unfreeze(locked.memberId(), locked.points() - deduct, locked.reference(), "case-release:" + locked.id());
        }
        cases.decided(locked.id(), deduct > 0 ? CaseStatus.DEDUCTED : CaseStatus.RELEASED, actorId, now, reason, deduct);
        cases.event(locked.id(), actorId, event, deduct + " points deducted", now);
    }

    /** Every case, newest first: admins and regulators; a regulator limited to districts, those about its merchants' points. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public List<PointsCase> page(@Nullable Long before, int limit) {
        return merchants.supervisedMerchants().map(supervised -> cases.pageConcerning(supervised, before, limit))
                .orElseGet(() -> cases.page(null, null, before, limit));
    }

    /** The cases the signed-in owner's merchant opened, newest first. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    public List<PointsCase> openedByMyMerchant(@Nullable Long before, int limit) {
        return cases.page(null, currentUser.merchantId(), before, limit);
    }

    /** The signed-in member's own cases. */
    @PreAuthorize("hasRole('MEMBER')")
    public List<PointsCase> mine() {
        return cases.page(currentUser.require(Role.MEMBER).id(), null, null, 100);
    }

    /** A case with its evidence and timeline, for whoever may see it: admins and regulators, its member, its merchant. */
    @PreAuthorize("isAuthenticated()")
    public Optional<CaseFile> file(long caseId) {
        return cases.find(caseId).filter(this::visible)
                .map(found -> new CaseFile(found, cases.evidence(caseId), cases.timeline(caseId)));
    }

    /** A file of a case's evidence or appeal, for whoever may see the case. */
    @PreAuthorize("isAuthenticated()")
    public Optional<CaseRepository.StoredFile> evidenceFile(long evidenceId) {
        return cases.file(evidenceId).filter(file -> cases.find(file.caseId()).filter(this::visible).isPresent());
    }

    private boolean visible(PointsCase found) {
        EvergreenUser user = currentUser.require();
        return switch (user.role()) {
            case ADMIN -> true;
            case REGULATOR -> merchants.supervisedMerchants()
                    .map(supervised -> cases.merchantsConcerned(found.id()).stream().anyMatch(supervised::contains)).orElse(true);
            case MEMBER -> found.memberId() == user.id();
            case MERCHANT -> user.merchantRole() == MerchantRole.OWNER && found.merchantId() != null && found.merchantId().equals(user.merchantId());
        };
    }

    private PointsCase lockVisible(long caseId) {
        return cases.lock(caseId).filter(this::visible).orElseThrow(() -> new InvalidInputException("case", "case.unknown"));
    }

    private static void requireOpen(PointsCase found) {
        if (found.status() != CaseStatus.OPENED && found.status() != CaseStatus.FROZEN) {
            throw new InvalidInputException("case", "case.decidedAlready");
        }
    }

    private void record(long caseId, String party, @Nullable String note, @Nullable String fileName, @Nullable String contentType,
                        byte @Nullable [] content) {
        boolean hasFile = content != null && content.length > 0;
        if ((note == null || note.isBlank()) && !hasFile) {
            throw new InvalidInputException("note", "case.evidenceEmpty");
        }
        if (hasFile && content.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("file", "case.fileTooBig", MAX_FILE_BYTES / 1024 / 1024);
        }
        String checkedNote = note == null || note.isBlank() ? null : TextRules.requirePlainText("note", note, 2000);
        String name = hasFile ? TextRules.requirePlainText("file", fileName == null ? "file" : fileName, 200) : null;
        long actor = currentUser.require().id();
        Instant now = clock.instant();
        cases.addEvidence(caseId, party, checkedNote, name, hasFile ? safeContentType(contentType) : null,
                hasFile ? content : null, hasFile ? sha256(content) : null, actor, now);
        cases.event(caseId, actor, party.equals(CASE) ? "EVIDENCE" : "APPEAL_EVIDENCE", name == null ? "" : name, now);
    }

    /** The browser's word for a file's type, if it looks like one; it is sent back when the file is downloaded. */
    private static String safeContentType(@Nullable String contentType) {
        return contentType != null && CONTENT_TYPE.matcher(contentType).matches() ? contentType : "application/octet-stream";
    }

    private static List<Long> entryIds(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("entryIds", "case.entriesRequired");
        }
        try {
            LinkedHashSet<Long> ids = new LinkedHashSet<>();
            Arrays.stream(typed.split("[,，\\s]+")).filter(part -> !part.isBlank()).map(Long::valueOf).forEach(ids::add);
            if (ids.isEmpty() || ids.size() > 50) {
                throw new InvalidInputException("entryIds", "case.entriesRequired");
            }
            return List.copyOf(ids);
        } catch (NumberFormatException notNumbers) {
            throw new InvalidInputException("entryIds", "case.entriesRequired");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
