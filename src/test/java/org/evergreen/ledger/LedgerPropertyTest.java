package org.evergreen.ledger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random sequences of ledger operations over several members, a household pool and two merchants, checked
 * step by step against a plain in-memory model: after every step every balance equals the model's and the
 * invariants hold for every account involved, refused operations change nothing, and the full invariant and
 * integrity check is clean every 20 steps.
 * Each sequence comes from a fixed seed, so a failure replays exactly.
 */
class LedgerPropertyTest extends LedgerTestSupport {

    private static final int STEPS = 60;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12).map(seed -> seed * 7_919);
    }

    /** What the ledger should hold, computed the simple way. */
    private static final class Model {
        final Map<Long, Long> available = new HashMap<>();
        final Map<Long, Long> held = new HashMap<>();
        final Map<Long, Long> frozen = new HashMap<>();
        final Map<Long, long[]> pendingHolds = new HashMap<>(); // hold id -> {member, amount}
        final List<long[]> reversibleEarns = new ArrayList<>(); // {entry id, member, amount}
        long pool;

        long get(Map<Long, Long> balances, long member) {
            return balances.getOrDefault(member, 0L);
        }

        void add(Map<Long, Long> balances, long member, long delta) {
            balances.merge(member, delta, Long::sum);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomOperationsKeepEveryInvariantAndMatchTheModel(long seed) {
        Random random = new Random(seed);
        long[] members = {newOwner(), newOwner(), newOwner(), newOwner()};
        long[] merchants = {newOwner(), newOwner()};
        long household = newOwner();
        long pool = ledger.account(AccountType.HOUSEHOLD_POOL, household);
        Model model = new Model();

        for (int step = 1; step <= STEPS; step++) {
            long member = members[random.nextInt(members.length)];
            long other = members[random.nextInt(members.length)];
            long merchant = merchants[random.nextInt(merchants.length)];
            long amount = 1 + random.nextInt(random.nextInt(10) == 0 ? 2_000 : 300);
            String operation = "step " + step + " of seed " + seed;
            switch (random.nextInt(9)) {
                case 0, 1 -> {
                    PostedEntry earned = earn(member, merchant, amount, null);
                    model.add(model.available, member, amount);
                    model.reversibleEarns.add(new long[]{earned.entryId(), member, amount});
                }
                case 2 -> attempt(model.get(model.available, member) >= amount, () -> spend(member, merchant, amount),
                        () -> model.add(model.available, member, -amount));
                case 3 -> attempt(model.get(model.available, member) >= amount, () -> {
                    Hold hold = ledger.hold(new HoldRequest(wallet(member), amount, "catalog", key(), "test", "redemption", null, null));
                    model.pendingHolds.put(hold.id(), new long[]{member, amount});
                }, () -> {
                    model.add(model.available, member, -amount);
                    model.add(model.held, member, amount);
                });
                case 4 -> model.pendingHolds.keySet().stream().findAny().ifPresent(holdId -> {
                    long[] hold = model.pendingHolds.remove(holdId);
                    model.add(model.held, hold[0], -hold[1]);
                    if (random.nextBoolean()) {
                        ledger.capture(holdId, redemption(merchant), "catalog", key(), "test", "redemption", null);
                    } else {
                        ledger.release(holdId, "catalog", key(), "test", "cancelled");
                        model.add(model.available, hold[0], hold[1]);
                    }
                });
                case 5 -> attempt(model.get(model.available, member) >= amount && member != other,
                        () -> ledger.post(new EntryRequest(EntryKind.TRANSFER, "household", key(), "test", "gift", null, null,
                                List.of(new Posting(wallet(member), -amount), new Posting(wallet(other), amount)), null)),
                        () -> {
                            model.add(model.available, member, -amount);
                            model.add(model.available, other, amount);
                        });
                case 6 -> attempt(model.get(model.available, member) >= amount,
                        () -> ledger.post(new EntryRequest(EntryKind.POOL, "household", key(), "test", "pool", null, null,
                                List.of(new Posting(wallet(member), -amount), new Posting(pool, amount)), null)),
                        () -> {
                            model.add(model.available, member, -amount);
                            model.pool += amount;
                        });
                case 7 -> {
                    if (random.nextBoolean()) {
                        attempt(model.get(model.available, member) >= amount, () -> ledger.freeze(member, amount, "C-" + seed, key()),
                                () -> {
                                    model.add(model.available, member, -amount);
                                    model.add(model.frozen, member, amount);
                                });
                    } else {
                        attempt(model.get(model.frozen, member) >= amount, () -> ledger.unfreeze(member, amount, "C-" + seed, key()),
                                () -> {
                                    model.add(model.frozen, member, -amount);
                                    model.add(model.available, member, amount);
                                });
                    }
                }
                default -> {
                    if (!model.reversibleEarns.isEmpty()) {
                        long[] earned = model.reversibleEarns.remove(random.nextInt(model.reversibleEarns.size()));
                        ledger.reverse(earned[0], "till", "test", "refund");
                        model.add(model.available, earned[1], -earned[2]);
                    }
                }
            }
            for (long each : members) {
                MemberPoints points = ledger.memberPoints(each, Duration.ofDays(30));
                assertThat(new long[]{points.available(), points.held(), points.frozen()}).as(operation + ", member " + each)
                        .containsExactly(model.get(model.available, each), model.get(model.held, each), model.get(model.frozen, each));
            }
            assertThat(ledger.balance(pool)).as(operation).isEqualTo(model.pool);
            assertAccountInvariants(operation, members, household);
            if (step % 20 == 0) {
                assertThat(ledger.verifyIntegrity().violations()).as(operation).isEmpty();
            }
        }
    }

    /**
     * After every step, independently of the verifier: for each account of these members and this household,
     * the stored balance equals its postings, its lots add up to it (nothing while in debt), a held account
     * equals its pending holds, and every entry touching them balances.
     */
    private void assertAccountInvariants(String operation, long[] members, long household) {
        List<Long> owners = new ArrayList<>();
        for (long member : members) {
            owners.add(member);
        }
        owners.add(household);
        List<String> broken = jdbc.sql("""
                        SELECT CONCAT(a.type, ' ', a.id) AS account FROM ledger_account a
                        WHERE a.owner_id IN (:owners) AND a.type IN ('MEMBER_WALLET', 'MEMBER_HELD', 'MEMBER_FROZEN', 'HOUSEHOLD_POOL')
                          AND (a.balance <> (SELECT COALESCE(SUM(p.amount), 0) FROM ledger_posting p WHERE p.account_id = a.id)
                            OR GREATEST(a.balance, 0) <> (SELECT COALESCE(SUM(l.remaining), 0) FROM ledger_lot l WHERE l.account_id = a.id)
                            OR (a.type = 'MEMBER_HELD' AND a.balance <> (SELECT COALESCE(SUM(h.amount), 0) FROM ledger_hold h
                                                                          WHERE h.held_account_id = a.id AND h.status = 'PENDING')))
                        UNION ALL
                        SELECT CONCAT('entry ', p.entry_id) FROM ledger_posting p
                        WHERE p.entry_id IN (SELECT q.entry_id FROM ledger_posting q JOIN ledger_account a ON a.id = q.account_id
                                             WHERE a.owner_id IN (:owners))
                        GROUP BY p.entry_id HAVING SUM(p.amount) <> 0 OR COUNT(*) < 2""")
                .param("owners", owners)
                .query(String.class).list();
        assertThat(broken).as(operation).isEmpty();
    }

    /** Runs an operation the model expects to succeed, or checks that the ledger refuses it and changes nothing. */
    private void attempt(boolean allowed, Runnable operation, Runnable onSuccess) {
        if (allowed) {
            operation.run();
            onSuccess.run();
        } else {
            long entries = entryCount();
            assertThatThrownBy(operation::run).isInstanceOfSatisfying(LedgerException.class,
                    refused -> assertThat(refused.reason()).isIn(LedgerException.Reason.INSUFFICIENT_POINTS, LedgerException.Reason.INVALID_ENTRY));
            assertThat(entryCount()).isEqualTo(entries);
        }
    }
}
