package org.evergreen.ledger;

import org.evergreen.EvergreenTest;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Ledger tests run as the platform itself, on the shared embedded MariaDB, each with members of its own. */
@EvergreenTest
abstract class LedgerTestSupport {

    /** Owner ids far above the demo data's user ids; the ledger does not need the owners to be users. */
    private static final AtomicLong NEXT_OWNER = new AtomicLong(1_000_000 + System.nanoTime() % 1_000_000 * 1000);
    private static final AtomicLong NEXT_KEY = new AtomicLong();

    @Autowired
    protected Ledger ledger;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void actAsPlatform() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                SystemActor.SYSTEM, null, SystemActor.SYSTEM.getAuthorities()));
    }

    @AfterEach
    void forgetPlatform() {
        SecurityContextHolder.clearContext();
    }

    protected static long newOwner() {
        return NEXT_OWNER.incrementAndGet();
    }

    protected static String key() {
        return "test-" + NEXT_KEY.incrementAndGet();
    }

    protected long wallet(long member) {
        return ledger.account(AccountType.MEMBER_WALLET, member);
    }

    protected long issuance(long merchant) {
        return ledger.account(AccountType.MERCHANT_ISSUANCE, merchant);
    }

    protected long redemption(long merchant) {
        return ledger.account(AccountType.MERCHANT_REDEMPTION, merchant);
    }

    protected PostedEntry earn(long member, long merchant, long points, Instant expiresAt) {
        return ledger.post(new EntryRequest(EntryKind.EARN, "test", key(), "test", "purchase", "purchase:test", null,
                List.of(new Posting(issuance(merchant), -points), new Posting(wallet(member), points)), expiresAt));
    }

    protected PostedEntry spend(long member, long merchant, long points) {
        return ledger.post(new EntryRequest(EntryKind.REDEEM, "test", key(), "test", "redemption", null, null,
                List.of(new Posting(wallet(member), -points), new Posting(redemption(merchant), points)), null));
    }

    protected long entryCount() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
    }

    protected long available(long member) {
        return ledger.balance(wallet(member));
    }
}
