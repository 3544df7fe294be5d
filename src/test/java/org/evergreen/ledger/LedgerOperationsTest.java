package org.evergreen.ledger;

import org.evergreen.ledger.LedgerException.Reason;
import org.evergreen.security.EvergreenUser;
import org.evergreen.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerOperationsTest extends LedgerTestSupport {

    @Test
    void earningCreditsTheWalletAndAReplayChangesNothing() {
        long member = newOwner();
        long merchant = newOwner();
        EntryRequest request = new EntryRequest(EntryKind.EARN, "till:1", "receipt-0001", "till", "purchase",
                "purchase:1", null, List.of(new Posting(issuance(merchant), -120), new Posting(wallet(member), 120)), null);

        PostedEntry first = ledger.post(request);
        PostedEntry replay = ledger.post(request);

        assertThat(first.replay()).isFalse();
        assertThat(replay.replay()).isTrue();
        assertThat(replay.entryId()).isEqualTo(first.entryId());
        assertThat(available(member)).isEqualTo(120);
        assertThat(ledger.balance(issuance(merchant))).isEqualTo(-120);
    }

    @Test
    void spendingMoreThanAvailableIsRefusedAndWritesNothing() {
        long member = newOwner();
        long merchant = newOwner();
        earn(member, merchant, 100, null);
        long entries = entryCount();

        assertThatThrownBy(() -> spend(member, merchant, 101))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INSUFFICIENT_POINTS));
        assertThat(entryCount()).isEqualTo(entries);
        assertThat(available(member)).isEqualTo(100);
    }

    @Test
    void unbalancedOrOneSidedEntriesAreRefused() {
        long member = newOwner();
        assertThatThrownBy(() -> ledger.post(new EntryRequest(EntryKind.ADJUSTMENT, "test", key(), "test", "adjustment",
                null, null, List.of(new Posting(wallet(member), 5), new Posting(issuance(1), -4)), null)))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INVALID_ENTRY));
        assertThatThrownBy(() -> ledger.post(new EntryRequest(EntryKind.EXPIRE, "test", key(), "test", "expiry",
                null, null, List.of(new Posting(wallet(member), -5), new Posting(issuance(1), 5)), null)))
                .isInstanceOf(LedgerException.class);
    }

    @Test
    void heldPointsAreNotSpendableAndAreCapturedOrReleasedExactlyOnce() {
        long member = newOwner();
        long merchant = newOwner();
        earn(member, merchant, 500, null);

        Hold hold = ledger.hold(new HoldRequest(wallet(member), 300, "catalog", key(), "test", "redemption", "redemption:1", null));
        assertThat(ledger.memberPoints(member, Duration.ofDays(30))).extracting(MemberPoints::available, MemberPoints::held)
                .containsExactly(200L, 300L);
        assertThatThrownBy(() -> spend(member, merchant, 201)).isInstanceOf(LedgerException.class);

        ledger.capture(hold.id(), redemption(merchant), "catalog", key(), "test", "redemption", "redemption:1");
        assertThat(ledger.hold(hold.id()).status()).isEqualTo(HoldStatus.CAPTURED);
        assertThat(ledger.memberPoints(member, Duration.ofDays(30)).held()).isZero();
        assertThat(ledger.balance(redemption(merchant))).isEqualTo(300);
        assertThatThrownBy(() -> ledger.release(hold.id(), "catalog", key(), "test", "cancelled"))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.HOLD_NOT_PENDING));

        Hold second = ledger.hold(new HoldRequest(wallet(member), 150, "catalog", key(), "test", "redemption", null, null));
        ledger.release(second.id(), "catalog", key(), "test", "cancelled");
        assertThat(available(member)).isEqualTo(200);
    }

    @Test
    void expiredHoldsAreReleasedByTheJob() {
        long member = newOwner();
        earn(member, newOwner(), 80, null);
        Instant soon = Instant.now().plusSeconds(60);
        Hold hold = ledger.hold(new HoldRequest(wallet(member), 80, "catalog", key(), "test", "redemption", null, soon));

        assertThat(ledger.releaseExpiredHolds(soon.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(ledger.hold(hold.id()).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(available(member)).isEqualTo(80);
    }

    @Test
    void freezingNeedsACaseAndAnAdmin() {
        long member = newOwner();
        earn(member, newOwner(), 1_000, null);

        assertThatThrownBy(() -> ledger.freeze(member, 100, " ", key()))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.CASE_REQUIRED));
        ledger.freeze(member, 400, "C-2026-0042", key());
        ledger.unfreeze(member, 100, "C-2026-0042", key());
        ledger.deduct(member, 300, "C-2026-0042", key());

        MemberPoints points = ledger.memberPoints(member, Duration.ofDays(30));
        assertThat(points.available()).isEqualTo(700);
        assertThat(points.frozen()).isZero();
        assertThat(ledger.memberHistory(member, new HistoryFilter(EntryKind.DEDUCT, null, null), 0, 10))
                .singleElement().satisfies(item -> assertThat(item.caseReference()).isEqualTo("C-2026-0042"));
    }

    @Test
    void aRefundClawsBackEarnedPointsEvenIntoDebtWhichLaterPointsRepay() {
        long member = newOwner();
        long merchant = newOwner();
        PostedEntry purchase = earn(member, merchant, 100, null);
        spend(member, merchant, 70);

        ledger.reverse(purchase.entryId(), "till:1", "till", "refund");
        assertThat(available(member)).isEqualTo(-70);
        assertThatThrownBy(() -> ledger.reverse(purchase.entryId(), "till:2", "till", "refund"))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_REVERSED));

        earn(member, merchant, 100, null);
        assertThat(available(member)).isEqualTo(30);
        assertThat(jdbc.sql("SELECT SUM(remaining) FROM ledger_lot WHERE account_id = ?").param(wallet(member))
                .query(Long.class).single()).isEqualTo(30);
    }

    @Test
    void partialClawbacksNeverExceedTheEarnAndExcludeAWholeReversal() {
        long member = newOwner();
        PostedEntry purchase = earn(member, newOwner(), 100, null);

        ledger.clawBack(purchase.entryId(), 30, "till:1", key(), "till", "refund");
        ledger.clawBack(purchase.entryId(), 70, "till:1", key(), "till", "refund");
        assertThat(available(member)).isZero();
        assertThatThrownBy(() -> ledger.clawBack(purchase.entryId(), 1, "till:1", key(), "till", "refund"))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INVALID_ENTRY));
        assertThatThrownBy(() -> ledger.reverse(purchase.entryId(), "till:1", "till", "refund"))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.ALREADY_REVERSED));
    }

    @Test
    void spendingUsesTheSoonestExpiringLotsAndOnlyPromotionalPointsExpire() {
        long member = newOwner();
        long merchant = newOwner();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Expiry runs over the whole ledger, so this test's promotions lie in the past: running it "now" touches
        // nobody else's points.
        earn(member, merchant, 100, null);                            // base points: never expire
        earn(member, merchant, 50, now.minus(Duration.ofDays(5)));    // promotion that ended later
        earn(member, merchant, 30, now.minus(Duration.ofDays(10)));   // promotion that ended first
        earn(member, merchant, 20, now.plus(Duration.ofDays(20)));    // promotion still running

        spend(member, merchant, 40);   // takes the 30 that expired first, then 10 of the 50
        assertThat(ledger.memberPoints(member, Duration.ofDays(30)).expiring())
                .containsExactly(new MemberPoints.Expiring(20, now.plus(Duration.ofDays(20))));

        ledger.expireDueLots(Instant.now());
        assertThat(available(member)).isEqualTo(120);
        assertThat(ledger.memberHistory(member, new HistoryFilter(EntryKind.EXPIRE, null, null), 0, 10))
                .singleElement().satisfies(item -> assertThat(item.amount()).isEqualTo(-40));
        ledger.expireDueLots(Instant.now());
        assertThat(available(member)).isEqualTo(120);
        assertThat(jdbc.sql("SELECT remaining FROM ledger_lot WHERE account_id = ? AND expires_at IS NULL")
                .param(wallet(member)).query(Long.class).single()).isEqualTo(100);
    }

    @Test
    void aReusedKeyWithADifferentRequestIsRefusedNotReplayed() {
        long member = newOwner();
        long merchant = newOwner();
        String key = key();
        ledger.post(new EntryRequest(EntryKind.EARN, "till:9", key, "till", "purchase", null, null,
                List.of(new Posting(issuance(merchant), -10), new Posting(wallet(member), 10)), null));

        assertThatThrownBy(() -> ledger.post(new EntryRequest(EntryKind.EARN, "till:9", key, "till", "purchase", null, null,
                List.of(new Posting(issuance(merchant), -99), new Posting(wallet(member), 99)), null)))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.IDEMPOTENCY_CONFLICT));
        assertThat(available(member)).isEqualTo(10);
    }

    @Test
    void heldAndFrozenPointsMoveOnlyThroughTheirOwnOperations() {
        long member = newOwner();
        earn(member, newOwner(), 100, null);
        ledger.freeze(member, 60, "C-2026-0077", key());
        long frozen = ledger.account(AccountType.MEMBER_FROZEN, member);

        assertThatThrownBy(() -> ledger.post(new EntryRequest(EntryKind.TRANSFER, "household", key(), "test", "gift", null, null,
                List.of(new Posting(frozen, -60), new Posting(wallet(member), 60)), null)))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INVALID_ENTRY));
        assertThatThrownBy(() -> ledger.post(new EntryRequest(EntryKind.EARN, Ledger.LEDGER_ORIGIN, key(), "test", "purchase", null, null,
                List.of(new Posting(issuance(1), -1), new Posting(wallet(member), 1)), null)))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INVALID_ENTRY));
        Hold hold = ledger.hold(new HoldRequest(wallet(member), 40, "catalog", key(), "test", "redemption", null, null));
        assertThatThrownBy(() -> ledger.capture(hold.id(), wallet(newOwner()), "catalog", key(), "test", "redemption", null))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.INVALID_ENTRY));
    }

    @Test
    void aHoldWhoseTimeRanOutCannotBeCapturedAndIsReleased() {
        long member = newOwner();
        long merchant = newOwner();
        earn(member, merchant, 70, null);
        Hold hold = ledger.hold(new HoldRequest(wallet(member), 70, "catalog", key(), "test", "redemption", null,
                Instant.now().minusSeconds(1)));

        assertThatThrownBy(() -> ledger.capture(hold.id(), redemption(merchant), "catalog", key(), "test", "redemption", null))
                .isInstanceOfSatisfying(LedgerException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.HOLD_NOT_PENDING));
        ledger.releaseExpiredHolds(Instant.now());
        assertThat(ledger.hold(hold.id()).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(available(member)).isEqualTo(70);
    }

    @Test
    void membersCannotWriteToTheLedgerNorReadOthersPoints() {
        long member = newOwner();
        earn(member, newOwner(), 10, null);
        long wallet = wallet(member);
        EvergreenUser someMember = new EvergreenUser(newOwner(), "someone", "Someone", "", Role.MEMBER, null, null, true, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(someMember, null, someMember.getAuthorities()));

        assertThatThrownBy(() -> ledger.post(new EntryRequest(EntryKind.TRANSFER, "household", key(), "member", "gift", null, null,
                List.of(new Posting(wallet, -10), new Posting(ledger.account(AccountType.MEMBER_WALLET, someMember.id()), 10)), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.expireDueLots(Instant.now().plus(Duration.ofDays(9999)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.freeze(member, 1, "C-1", key())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.memberHistory(member, HistoryFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.memberPoints(member, Duration.ofDays(1))).isInstanceOf(AccessDeniedException.class);
        assertThat(ledger.myPoints(Duration.ofDays(1)).available()).isZero();
    }

    @Test
    void entriesAndPostingsCannotBeChangedOrDeletedInTheDatabase() {
        long member = newOwner();
        PostedEntry entry = earn(member, newOwner(), 10, null);

        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET reason = 'x' WHERE id = ?").param(entry.entryId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE id = ?").param(entry.entryId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_posting SET amount = 11 WHERE entry_id = ? AND amount > 0").param(entry.entryId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_posting WHERE entry_id = ?").param(entry.entryId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("insert-only");
    }

    @Test
    void lotsAccountsAndHoldsKeepTheirFixedColumnsInTheDatabase() {
        long member = newOwner();
        PostedEntry entry = earn(member, newOwner(), 10, Instant.now().plus(Duration.ofDays(5)));
        Hold hold = ledger.hold(new HoldRequest(wallet(member), 4, "catalog", key(), "test", "redemption", null, null));

        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_lot SET expires_at = NULL WHERE entry_id = ?").param(entry.entryId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("only remaining may change");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_lot SET remaining = remaining + 1 WHERE entry_id = ?").param(entry.entryId()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("only downwards");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_account SET tracked = FALSE WHERE id = ?").param(wallet(member)).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("only the balance may change");
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_hold SET amount = 1 WHERE id = ?").param(hold.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("only a pending hold may be resolved");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_hold WHERE id = ?").param(hold.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never deleted");
    }
}
