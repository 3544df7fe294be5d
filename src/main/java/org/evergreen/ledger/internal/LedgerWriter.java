package org.evergreen.ledger.internal;

import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryPosted;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.LedgerException;
import org.evergreen.ledger.LedgerException.Reason;
import org.evergreen.ledger.PostedEntry;
import org.evergreen.ledger.Posting;
import org.evergreen.shared.database.RetryingTransactions;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Writes one journal entry per database transaction: the entry, its postings, the guarded balance updates
 * of tracked accounts and the lots the points come from and go to. A replayed idempotency key returns the
 * first entry; a deadlock or lock timeout retries the whole transaction.
 */
@Component
public class LedgerWriter {

    private static final int LOT_BATCH = 200;

    /**
     * How to post beyond the request itself.
     *
     * @param reversesEntryId the entry this one reverses (one reversal per entry)
     * @param debtAccountId   a tracked account that may go below zero (refund clawback), or null
     * @param preferredLots   lots to draw from first, before the soonest-expiring ones
     * @param inTransaction   runs with the new entry's id inside the same transaction, before any balance is
     *                        touched (holds lock and check their row here); may refuse by throwing
     * @param onlyPreferredLots draw debits from the preferred lots alone, refusing if they no longer cover them
     */
    public record Options(@Nullable Long reversesEntryId, @Nullable Long debtAccountId, List<Long> preferredLots,
                          @Nullable LongConsumer inTransaction, boolean onlyPreferredLots) {

        public static final Options NONE = new Options(null, null, List.of(), null, false);
    }

    /** Points of one lot slice that left a tracked account, with their expiry. */
    private record Slice(@Nullable LocalDateTime expiresAt, long amount) {
    }

    private record OpenLot(long id, long remaining, @Nullable LocalDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final RetryingTransactions transactions;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public LedgerWriter(JdbcClient jdbc, RetryingTransactions transactions, AccountDirectory accounts, ApplicationEventPublisher events,
                        Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public PostedEntry post(EntryRequest request, Options options) {
        validate(request);
        return transactions.execute(() -> write(request, options));
    }

    private static void validate(EntryRequest request) {
        List<Posting> postings = request.postings();
        if (postings.size() < 2) {
            throw new LedgerException(Reason.INVALID_ENTRY, "an entry needs two or more postings");
        }
        if (postings.stream().mapToLong(Posting::accountId).distinct().count() != postings.size()) {
            throw new LedgerException(Reason.INVALID_ENTRY, "one posting per account");
        }
        if (postings.stream().anyMatch(posting -> posting.amount() == 0)) {
            throw new LedgerException(Reason.INVALID_ENTRY, "postings move points");
        }
        long sum = 0;
        for (Posting posting : postings) {
            sum = Math.addExact(sum, posting.amount());
        }
        if (sum != 0) {
            throw new LedgerException(Reason.INVALID_ENTRY, "postings sum to " + sum + ", not zero");
        }
        if (request.origin().isBlank() || request.idempotencyKey().isBlank() || request.actor().isBlank()
                || request.reason().isBlank()) {
            throw new LedgerException(Reason.INVALID_ENTRY, "origin, idempotency key, actor and reason are required");
        }
    }

    private PostedEntry write(EntryRequest request, Options options) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDateTime createdAt = UtcTimes.toColumn(now);
        String requestHash = requestHash(request, options.reversesEntryId());
        long entryId;
        try {
            entryId = insertEntry(request, options.reversesEntryId(), createdAt, requestHash);
        } catch (DuplicateKeyException replayOrSecondReversal) {
            return replay(request, requestHash).orElseThrow(() ->
                    new LedgerException(Reason.ALREADY_REVERSED, "entry " + options.reversesEntryId()));
        }

        if (options.inTransaction() != null) {
            options.inTransaction().accept(entryId);
        }

        // Accounts in id order, so that concurrent entries lock rows in the same order and rarely deadlock.
        List<Posting> ordered = request.postings().stream().sorted(Comparator.comparingLong(Posting::accountId)).toList();
        Map<Long, Long> debtsBefore = new HashMap<>();
        for (Posting posting : ordered) {
            if (accounts.type(posting.accountId()).tracked()) {
                debtsBefore.put(posting.accountId(), updateBalance(posting, Objects.equals(posting.accountId(), options.debtAccountId())));
            }
        }
        Map<Long, Long> postingIds = insertPostings(entryId, ordered);

        Deque<Slice> slices = new ArrayDeque<>();
        for (Posting posting : ordered) {
            if (posting.amount() < 0 && accounts.type(posting.accountId()).tracked()) {
                slices.addAll(drawFromLots(posting, postingIds.get(posting.accountId()), options));
            }
        }
        LocalDateTime defaultExpiry = request.lotExpiresAt() == null ? null
                : UtcTimes.toColumn(request.lotExpiresAt().truncatedTo(ChronoUnit.MICROS));
        for (Posting posting : ordered) {
            if (posting.amount() > 0 && accounts.type(posting.accountId()).tracked()) {
                long debt = debtsBefore.get(posting.accountId());
                fillLots(posting, postingIds.get(posting.accountId()), entryId, posting.amount() - Math.min(debt, posting.amount()),
                        slices, defaultExpiry);
            }
        }
        events.publishEvent(new EntryPosted(entryId, request.kind(), request.reference(), now, ordered.stream().map(posting -> {
            AccountDirectory.Account account = accounts.account(posting.accountId());
            return new EntryPosted.Leg(account.id(), account.type(), account.ownerId(), posting.amount());
        }).toList()));
        return new PostedEntry(entryId, request.kind(), now, false);
    }

    /** The request without its time: the same key must come with the same request to count as a replay. */
    private static String requestHash(EntryRequest request, @Nullable Long reversesEntryId) {
        return EntryHasher.entryHash(request.kind().name(), request.origin(), request.idempotencyKey(), request.actor(),
                request.reason(), request.reference(), request.caseReference(), reversesEntryId, LocalDateTime.MIN,
                request.postings());
    }

    private long insertEntry(EntryRequest request, @Nullable Long reversesEntryId, LocalDateTime createdAt, String requestHash) {
        String hash = EntryHasher.entryHash(request.kind().name(), request.origin(), request.idempotencyKey(),
                request.actor(), request.reason(), request.reference(), request.caseReference(), reversesEntryId,
                createdAt, request.postings());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO ledger_entry (kind, origin, idempotency_key, actor, reason, reference, case_reference,
                                                  reverses_entry_id, created_at, content_hash, request_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.kind().name(), request.origin(), request.idempotencyKey(), request.actor(),
                        request.reason(), request.reference(), request.caseReference(), reversesEntryId, createdAt, hash,
                        requestHash)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The first entry posted under this key, if the request is the same; a different request is refused. */
    private Optional<PostedEntry> replay(EntryRequest request, String requestHash) {
        record Stored(PostedEntry entry, @Nullable String requestHash) {
        }
        Optional<Stored> stored = jdbc.sql("SELECT id, kind, created_at, request_hash FROM ledger_entry WHERE origin = ? AND idempotency_key = ?")
                .params(request.origin(), request.idempotencyKey())
                .query((rs, n) -> new Stored(new PostedEntry(rs.getLong("id"), EntryKind.valueOf(rs.getString("kind")),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class)), true), rs.getString("request_hash")))
                .optional();
        stored.filter(first -> !requestHash.equals(first.requestHash())).ifPresent(first -> {
            throw new LedgerException(Reason.IDEMPOTENCY_CONFLICT,
                    "key " + request.idempotencyKey() + " was used for entry " + first.entry().entryId());
        });
        return stored.map(Stored::entry);
    }

    /**
     * Applies a posting to a tracked account's balance and returns the debt it had before (0 when none).
     * The common case is one guarded statement; only an account in debt, or a refused debit, needs a second.
     */
    private long updateBalance(Posting posting, boolean debtAllowed) {
        if (posting.amount() < 0) {
            int updated = jdbc.sql("UPDATE ledger_account SET balance = balance + ? WHERE id = ? AND balance + ? >= 0")
                    .params(posting.amount(), posting.accountId(), posting.amount()).update();
            if (updated == 0) {
                if (!debtAllowed) {
                    throw new LedgerException(Reason.INSUFFICIENT_POINTS,
                            "account " + posting.accountId() + " cannot give " + -posting.amount());
                }
                jdbc.sql("UPDATE ledger_account SET balance = balance + ? WHERE id = ?")
                        .params(posting.amount(), posting.accountId()).update();
            }
            return 0;
        }
        int updated = jdbc.sql("UPDATE ledger_account SET balance = balance + ? WHERE id = ? AND balance >= 0")
                .params(posting.amount(), posting.accountId()).update();
        if (updated == 1) {
            return 0;
        }
        long before = jdbc.sql("SELECT balance FROM ledger_account WHERE id = ? FOR UPDATE")
                .param(posting.accountId()).query(Long.class).single();
        jdbc.sql("UPDATE ledger_account SET balance = balance + ? WHERE id = ?")
                .params(posting.amount(), posting.accountId()).update();
        return Math.max(0, -before);
    }

    /** All postings of the entry in one statement, in account order; returns each account's posting id. */
    private Map<Long, Long> insertPostings(long entryId, List<Posting> ordered) {
        List<Object> values = new ArrayList<>();
        for (Posting posting : ordered) {
            values.addAll(Arrays.asList(entryId, posting.accountId(), accounts.statementOf(posting.accountId()), posting.amount()));
        }
        Map<Long, Long> postingIds = new HashMap<>();
        jdbc.sql("INSERT INTO ledger_posting (entry_id, account_id, statement_id, amount) VALUES "
                        + String.join(", ", Collections.nCopies(ordered.size(), "(?, ?, ?, ?)")) + " RETURNING id, account_id")
                .params(values)
                .query(rs -> {
                    postingIds.put(rs.getLong("account_id"), rs.getLong("id"));
                });
        if (postingIds.size() != ordered.size()) {
            throw new IllegalStateException("Entry " + entryId + " stored " + postingIds.size() + " of " + ordered.size() + " postings");
        }
        return postingIds;
    }

    /** Takes the points of a debit from the account's lots: preferred lots first, then the soonest-expiring. */
    private List<Slice> drawFromLots(Posting debit, long postingId, Options options) {
        long needed = -debit.amount();
        List<Slice> taken = new ArrayList<>();
        List<OpenLot> candidates = options.preferredLots().isEmpty() ? List.of() : jdbc.sql("""
                        SELECT id, remaining, expires_at FROM ledger_lot
                        WHERE account_id = :account AND id IN (:ids) AND remaining > 0 ORDER BY id FOR UPDATE""")
                .param("account", debit.accountId()).param("ids", options.preferredLots())
                .query(LedgerWriter::openLot).list();
        while (true) {
            for (OpenLot lot : candidates) {
                long take = Math.min(needed, lot.remaining());
                jdbc.sql("UPDATE ledger_lot SET remaining = remaining - ? WHERE id = ?").params(take, lot.id()).update();
                jdbc.sql("INSERT INTO ledger_lot_movement (posting_id, lot_id, amount) VALUES (?, ?, ?)")
                        .params(postingId, lot.id(), -take).update();
                taken.add(new Slice(lot.expiresAt(), take));
                needed -= take;
                if (needed == 0) {
                    return taken;
                }
            }
            if (options.onlyPreferredLots()) {
                throw new LedgerException(Reason.INVALID_ENTRY, "lots " + options.preferredLots() + " changed meanwhile");
            }
            // Lots emptied above no longer match "remaining > 0", so each round reads fresh ones.
            candidates = jdbc.sql("""
                            SELECT id, remaining, expires_at FROM ledger_lot
                            WHERE account_id = ? AND remaining > 0
                            ORDER BY expires_at IS NULL, expires_at, id LIMIT ? FOR UPDATE""")
                    .params(debit.accountId(), LOT_BATCH)
                    .query(LedgerWriter::openLot).list();
            if (candidates.isEmpty()) {
                if (Objects.equals(debit.accountId(), options.debtAccountId())) {
                    return taken; // the rest becomes debt, carried by no lot
                }
                throw new IllegalStateException("Lots of account " + debit.accountId() + " do not cover its balance");
            }
        }
    }

    /**
     * Credits points to new lots of a tracked account. Points that came from lots keep their expiry; others
     * get the request's. The first points repay any debt and fill no lot.
     */
    private void fillLots(Posting credit, long postingId, long entryId, long intoLots, Deque<Slice> slices,
                          @Nullable LocalDateTime defaultExpiry) {
        long skipDebt = credit.amount() - intoLots;
        long remainingToFill = intoLots;
        // The debt repayment consumes the first slices too, so expiries stay with the points that carry them.
        while (skipDebt > 0 && !slices.isEmpty()) {
            Slice first = slices.pollFirst();
            long used = Math.min(skipDebt, first.amount());
            skipDebt -= used;
            if (used < first.amount()) {
                slices.addFirst(new Slice(first.expiresAt(), first.amount() - used));
            }
        }
        Map<Optional<LocalDateTime>, Long> byExpiry = new LinkedHashMap<>();
        while (remainingToFill > 0 && !slices.isEmpty()) {
            Slice slice = slices.pollFirst();
            long used = Math.min(remainingToFill, slice.amount());
            byExpiry.merge(Optional.ofNullable(slice.expiresAt()), used, Long::sum);
            remainingToFill -= used;
            if (used < slice.amount()) {
                slices.addFirst(new Slice(slice.expiresAt(), slice.amount() - used));
            }
        }
        if (remainingToFill > 0) {
            byExpiry.merge(Optional.ofNullable(defaultExpiry), remainingToFill, Long::sum);
        }
        byExpiry.forEach((expiresAt, amount) -> {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO ledger_lot (account_id, entry_id, amount, remaining, expires_at) VALUES (?, ?, ?, ?, ?)")
                    .params(credit.accountId(), entryId, amount, amount, expiresAt.orElse(null))
                    .update(keys, "id");
            jdbc.sql("INSERT INTO ledger_lot_movement (posting_id, lot_id, amount) VALUES (?, ?, ?)")
                    .params(postingId, keys.getKeyAs(Number.class).longValue(), amount).update();
        });
    }

    private static OpenLot openLot(ResultSet rs, int rowNum) throws SQLException {
        return new OpenLot(rs.getLong("id"), rs.getLong("remaining"), rs.getObject("expires_at", LocalDateTime.class));
    }

}
