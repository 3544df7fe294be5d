package org.evergreen.compliance;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evergreen.catalog.Redemptions;
import org.evergreen.compliance.internal.AuditTrailQuery;
import org.evergreen.compliance.internal.AuditTrailQuery.PostingRef;
import org.evergreen.earning.PurchaseRecords;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.SealHead;
import org.evergreen.merchant.MerchantDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The full trail of every point earned, moved, redeemed, frozen or expired, for regulators and admins: every journal
 * entry with its kind, actor, reason, reference and seal, filtered and paged by keyset (a cursor, never an offset), each
 * opening to its postings, its seal and its origin; and the same view streamed out as CSV in constant memory.
 */
@Service
public class AuditTrail {

    /** How many rows an export reads at a time: its memory does not grow with the trail. */
    static final int EXPORT_PAGE = 2_000;
    /** How many rounds an account-driven page scans before it answers with what it found and a cursor to go on. */
    private static final int MAX_ROUNDS = 20;

    private final AuditTrailQuery query;
    private final PurchaseRecords purchases;
    private final Ledger ledger;

    private final MerchantDirectory merchants;
    private final Redemptions redemptions;

    AuditTrail(AuditTrailQuery query, PurchaseRecords purchases, Ledger ledger, MerchantDirectory merchants, Redemptions redemptions) {
        this.query = query;
        this.redemptions = redemptions;
        this.purchases = purchases;
        this.ledger = ledger;
        this.merchants = merchants;
    }

    /** The entries after the cursor (null: the newest), at most {@code limit}. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public AuditPage page(AuditFilter filter, @Nullable Long cursor, int requested) {
        int limit = Math.clamp(requested, 1, EXPORT_PAGE);
        Optional<Set<Long>> shown = merchantsShown(filter);
        Optional<List<Scan>> scans = scansOf(filter, shown);
        if (scans.isEmpty()) {
            List<AuditEntry> rows = query.entriesBefore(filter, cursor == null ? Long.MAX_VALUE : cursor, limit + 1);
            boolean more = rows.size() > limit;
            List<AuditEntry> page = List.copyOf(more ? rows.subList(0, limit) : rows);
            return new AuditPage(page, more ? page.getLast().entryId() : null);
        }
        return byAccounts(filter, scans.get(), shown, cursor == null ? Long.MAX_VALUE : cursor, limit);
    }

    /** One entry opened: its postings, its seal and its origin (a purchase, a redemption or a case), if the caller may see it. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public Optional<AuditEntryDetail> entry(long entryId) {
        Optional<Set<Long>> supervised = merchants.supervisedMerchants();
        return query.entry(entryId).filter(entry -> supervised.isEmpty() || movesOneOf(entry, supervised.get()))
                .map(entry -> new AuditEntryDetail(entry, query.postings(entryId),
                        entry.sealId() == null ? null : query.seal(entry.sealId()).orElse(null),
                        referenced(entry, "purchase:").flatMap(purchases::purchase).orElse(null),
                        redemptionOf(entry).flatMap(redemptions::forAudit).orElse(null),
                        entry.caseReference() == null ? null : query.caseId(entry.caseReference()).orElse(null)));
    }

    /**
     * Writes every entry the filter selects as CSV, newest first, a page at a time; the first lines name the seal head
     * at the time of the export, so that the file itself can later prove the journal was not cut short.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public long export(AuditFilter filter, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setCommentMarker('#').get().print(out);
        Optional<SealHead> head = ledger.sealHead();
        csv.printComment("Evergreen audit trail");
        csv.printComment(head.map(seal -> "seal head: " + seal.sealId() + " " + seal.sealHash() + " " + seal.sealedAt())
                .orElse("seal head: none yet"));
        csv.printRecord("entry", "created_at_utc", "kind", "points", "actor", "reason", "reference", "case", "seal");
        long rows = 0;
        Long cursor = null;
        do {
            AuditPage page = page(filter, cursor, EXPORT_PAGE);
            for (AuditEntry entry : page.entries()) {
                csv.printRecord(entry.entryId(), entry.createdAt(), entry.kind(), entry.points(), entry.actor(), entry.reason(),
                        entry.reference(), entry.caseReference(), entry.sealId());
                rows++;
            }
            cursor = page.next();
        } while (cursor != null);
        csv.flush();
        return rows;
    }

    /** One index range to scan for a filter on accounts: a member's statement, or one of a merchant's accounts. */
    private record Scan(boolean statement, long id) {
    }

    /**
     * The merchants whose entries may be listed, when not all: those of the district the filter names, and for a
     * regulator limited to districts, those it oversees (both: the merchants in both).
     */
    private Optional<Set<Long>> merchantsShown(AuditFilter filter) {
        Optional<Set<Long>> supervised = merchants.supervisedMerchants();
        if (filter.regionCode() == null) {
            return supervised;
        }
        Set<Long> inRegion = new HashSet<>(merchants.merchantsIn(Set.of(filter.regionCode())));
        supervised.ifPresent(inRegion::retainAll);
        return Optional.of(inRegion);
    }

    /**
     * The ranges a filter scans: a member's statement, a merchant's accounts, or those of the merchants shown; empty
     * when nothing narrows the trail (the entries are scanned).
     */
    private Optional<List<Scan>> scansOf(AuditFilter filter, Optional<Set<Long>> shown) {
        if (filter.memberNumber() == null && filter.merchantId() == null && shown.isEmpty()) {
            return Optional.empty();
        }
        List<Scan> scans = new ArrayList<>();
        if (filter.memberNumber() != null) {
            // The member's statement is the narrowest range; the merchants then narrow the entries.
            query.memberStatement(filter.memberNumber().strip()).ifPresent(statement -> scans.add(new Scan(true, statement)));
            return Optional.of(scans);
        }
        if (filter.merchantId() != null) {
            if (shown.isEmpty() || shown.get().contains(filter.merchantId())) {
                query.merchantAccounts(List.of(filter.merchantId())).forEach(account -> scans.add(new Scan(false, account)));
            }
            return Optional.of(scans);
        }
        query.merchantAccounts(shown.get()).forEach(account -> scans.add(new Scan(false, account)));
        return Optional.of(scans);
    }

    /**
     * Scans the filter's accounts by posting id, newest first, and lists each entry once. Several ranges are merged
     * only down to the highest posting any full batch stopped at, below which a range may still hold postings.
     */
    private AuditPage byAccounts(AuditFilter filter, List<Scan> scans, Optional<Set<Long>> shown, long cursor, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Optional<Set<Long>> alsoMerchants = merchantsKept(filter, shown);
        long before = cursor;
        int batch = Math.max(200, limit * 4);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<PostingRef> merged = new ArrayList<>();
            long floor = 0;
            for (Scan scan : scans) {
                List<PostingRef> postings = query.postingsBefore(scan.statement(), scan.id(), before, batch);
                merged.addAll(postings);
                if (postings.size() == batch) {
                    floor = Math.max(floor, postings.getLast().postingId());
                }
            }
            long safeFloor = floor;
            List<PostingRef> usable = merged.stream().filter(posting -> posting.postingId() >= safeFloor)
                    .sorted(Comparator.comparingLong(PostingRef::postingId).reversed()).toList();
            if (usable.isEmpty()) {
                return new AuditPage(found, null);
            }
            LinkedHashSet<Long> candidates = usable.stream().map(PostingRef::entryId).filter(id -> !seen.contains(id))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Map<Long, AuditEntry> matching = query.entries(candidates, filter).stream()
                    .filter(entry -> alsoMerchants.isEmpty() || movesOneOf(entry, alsoMerchants.get()))
                    .collect(Collectors.toMap(AuditEntry::entryId, Function.identity()));
            for (PostingRef posting : usable) {
                boolean full = found.size() == limit;
                if (full && !seen.contains(posting.entryId())) {
                    return new AuditPage(found, before);
                }
                before = posting.postingId();
                if (seen.add(posting.entryId()) && matching.containsKey(posting.entryId())) {
                    found.add(matching.get(posting.entryId()));
                }
            }
            if (floor == 0) {
                return new AuditPage(found, null);
            }
        }
        return new AuditPage(found, before);
    }

    /** A member's statement holds entries of every merchant: those of the merchant asked for, or of those shown, are kept. */
    private static Optional<Set<Long>> merchantsKept(AuditFilter filter, Optional<Set<Long>> shown) {
        if (filter.memberNumber() == null) {
            return Optional.empty();
        }
        if (filter.merchantId() == null) {
            return shown;
        }
        boolean visible = shown.isEmpty() || shown.get().contains(filter.merchantId());
        return Optional.of(visible ? Set.of(filter.merchantId()) : Set.of());
    }

    private boolean movesOneOf(AuditEntry entry, Set<Long> merchantIds) {
        return query.postings(entry.entryId()).stream().anyMatch(posting -> merchantIds.contains(posting.ownerId())
                && (posting.accountType() == AccountType.MERCHANT_ISSUANCE || posting.accountType() == AccountType.MERCHANT_REDEMPTION));
    }

    private Optional<Long> redemptionOf(AuditEntry entry) {
        return entry.kind() == EntryKind.HOLD ? query.redemptionHeldBy(entry.entryId()) : referenced(entry, "redemption:");
    }

    /** The id the entry's reference names after the prefix ("purchase:", "redemption:"), if it names one. */
    private static Optional<Long> referenced(AuditEntry entry, String prefix) {
        String reference = entry.reference();
        if (reference == null || !reference.startsWith(prefix) || !reference.substring(prefix.length()).matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(reference.substring(prefix.length())));
    }
}
