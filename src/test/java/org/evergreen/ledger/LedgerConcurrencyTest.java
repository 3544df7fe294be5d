package org.evergreen.ledger;

import org.evergreen.Together;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.Test;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads against the same wallets: no negative balance, no lost update, every point accounted for. */
class LedgerConcurrencyTest extends LedgerTestSupport {

    private static final int THREADS = 16;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    HikariDataSource dataSource;

    /**
     * Callers post inside transactions of their own (a purchase, a redemption). Opening a member's first
     * account there must not take a second connection: with more such callers than the pool has connections,
     * each would hold one and wait for another forever.
     */
    @Test
    void firstPostingsInsideMoreTransactionsThanThePoolHasConnectionsAllComplete() throws Exception {
        int callers = dataSource.getMaximumPoolSize();
        long merchant = newOwner();
        CountDownLatch allInside = new CountDownLatch(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Long>> members = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                members.add(pool.submit(() -> SystemActor.call(() -> transaction.execute(status -> {
                    jdbc.sql("SELECT 1").query(Integer.class).single(); // this caller's connection is taken
                    allInside.countDown();
                    awaitQuietly(allInside); // every connection of the pool is now held by one caller
                    long member = newOwner();
                    earn(member, merchant, 10, null);
                    return member;
                }))));
            }
            for (Future<Long> member : members) {
                long owner = member.get(60, TimeUnit.SECONDS);
                assertThat(SystemActor.call(() -> available(owner))).isEqualTo(10);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allInside.getCount()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAccountOpenedInARolledBackTransactionIsOpenedAgainLater() {
        long member = newOwner();
        SystemActor.run(() -> transaction.executeWithoutResult(status -> {
            wallet(member);
            status.setRollbackOnly();
        }));
        long wallet = SystemActor.call(() -> wallet(member));
        assertThat(jdbc.sql("SELECT owner_id FROM ledger_account WHERE id = ?").param(wallet).query(Long.class).single()).isEqualTo(member);
        SystemActor.run(() -> earn(member, newOwner(), 5, null));
        assertThat(SystemActor.call(() -> available(member))).isEqualTo(5);
    }

    @Test
    void sixteenThreadsSpendingHoldingAndTransferringConservePoints() throws Exception {
        long[] members = {newOwner(), newOwner(), newOwner(), newOwner()};
        long merchant = newOwner();
        for (long member : members) {
            earn(member, merchant, 2_000, null);
        }
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            workers.add(() -> SystemActor.call(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < 40; i++) {
                    long member = members[random.nextInt(members.length)];
                    long other = members[(random.nextInt(members.length - 1) + 1 + indexOf(members, member)) % members.length];
                    long amount = 1 + random.nextInt(150);
                    try {
                        switch (random.nextInt(4)) {
                            case 0 -> spend(member, merchant, amount);
                            case 1 -> {
                                Hold hold = ledger.hold(new HoldRequest(wallet(member), amount, "catalog", key(), "test", "redemption", null, null));
                                if (random.nextBoolean()) {
                                    ledger.capture(hold.id(), redemption(merchant), "catalog", key(), "test", "redemption", null);
                                } else {
                                    ledger.release(hold.id(), "catalog", key(), "test", "cancelled");
                                }
                            }
                            case 2 -> ledger.post(new EntryRequest(EntryKind.TRANSFER, "household", key(), "test", "gift", null, null,
                                    List.of(new Posting(wallet(member), -amount), new Posting(wallet(other), amount)), null));
                            default -> earn(member, merchant, amount, null);
                        }
                    } catch (LedgerException insufficient) {
                        assertThat(insufficient.reason()).isEqualTo(LedgerException.Reason.INSUFFICIENT_POINTS);
                    }
                }
                return null;
            }));
        }
        runTogether(workers);

        long walletTotal = 0;
        for (long member : members) {
            MemberPoints points = ledger.memberPoints(member, Duration.ofDays(1));
            assertThat(points.available()).isNotNegative();
            assertThat(points.held()).isZero();
            walletTotal += points.available();
        }
        // Every point issued by the merchant is in a wallet or was redeemed at the merchant.
        assertThat(walletTotal + ledger.balance(redemption(merchant))).isEqualTo(-ledger.balance(issuance(merchant)));
        assertThat(ledger.verifyIntegrity().violations()).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyFromSixteenThreadsAtOnceYieldsExactlyOneEntry() throws Exception {
        long member = newOwner();
        long merchant = newOwner();
        EntryRequest request = new EntryRequest(EntryKind.EARN, "till:race", key(), "till", "purchase", null, null,
                List.of(new Posting(issuance(merchant), -300), new Posting(wallet(member), 300)), null);
        Set<Long> entryIds = ConcurrentHashMap.newKeySet();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> SystemActor.call(() -> {
                entryIds.add(ledger.post(request).entryId());
                return null;
            }));
        }
        runTogether(workers);

        assertThat(entryIds).hasSize(1);
        assertThat(available(member)).isEqualTo(300);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE origin = 'till:race' AND idempotency_key = ?")
                .param(request.idempotencyKey()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aHoldRacedByCaptureAndReleaseResolvesOnce() throws Exception {
        long member = newOwner();
        long merchant = newOwner();
        earn(member, merchant, 100, null);
        Hold hold = ledger.hold(new HoldRequest(wallet(member), 100, "catalog", key(), "test", "redemption", null, null));
        AtomicInteger succeeded = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            boolean capture = t % 2 == 0;
            workers.add(() -> SystemActor.call(() -> {
                try {
                    if (capture) {
                        ledger.capture(hold.id(), redemption(merchant), "catalog", key(), "test", "redemption", null);
                    } else {
                        ledger.release(hold.id(), "catalog", key(), "test", "cancelled");
                    }
                    succeeded.incrementAndGet();
                } catch (LedgerException lost) {
                    assertThat(lost.reason()).isEqualTo(LedgerException.Reason.HOLD_NOT_PENDING);
                }
                return null;
            }));
        }
        runTogether(workers);

        assertThat(succeeded).hasValue(1);
        MemberPoints points = ledger.memberPoints(member, Duration.ofDays(1));
        assertThat(points.held()).isZero();
        assertThat(points.available() + ledger.balance(redemption(merchant))).isEqualTo(100);
    }

    private static int indexOf(long[] values, long value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    /** Starts all workers at the same moment and rethrows the first failure. */
    private static void runTogether(List<Callable<Void>> workers) throws Exception {
        Together.race(workers.size(), i -> workers.get(i).call());
    }
}
