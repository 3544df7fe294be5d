package org.evergreen.catalog;

import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.security.MemberRegistration;
import org.evergreen.security.RunAs;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** Members with known points and rewards with known prices, made through the real services, for the catalog's tests. */
public final class CatalogFixtures {

    /** Phone numbers 1370xxxxxxx belong to these tests; the start differs per run of the JVM. */
    private static final AtomicInteger NEXT_PHONE = new AtomicInteger((int) (System.nanoTime() % 9_000_000) * 100);

    private static final String DEMO_TILL_KEY = "eg_demo0001_EvergreenDemoTillKey2026Pine0001";

    public record TestMember(long id, String username) {
    }

    private final UserAccounts users;
    private final UserDetailsService userDetails;
    private final Ledger ledger;
    private final Rewards rewards;
    private final JdbcClient jdbc;
    private final TillKeys tillKeys;

    public CatalogFixtures(ApplicationContext context) {
        this.users = context.getBean(UserAccounts.class);
        this.userDetails = context.getBean(UserDetailsService.class);
        this.ledger = context.getBean(Ledger.class);
        this.rewards = context.getBean(Rewards.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.tillKeys = context.getBean(TillKeys.class);
    }

    /** A new member with {@code points} available, earned at the demo store. */
    public TestMember member(long points) {
        String phone = "1370" + "%07d".formatted(NEXT_PHONE.incrementAndGet() % 10_000_000);
        long id = SystemActor.call(() -> users.registerMember(new MemberRegistration(phone, "测试会员", "evergreen", true)));
        if (points > 0) {
            long merchant = merchantOf("merchant");
            SystemActor.run(() -> ledger.post(new EntryRequest(EntryKind.EARN, "test", UUID.randomUUID().toString(), "test", "purchase",
                    null, null, List.of(new Posting(ledger.account(AccountType.MERCHANT_ISSUANCE, merchant), -points),
                    new Posting(ledger.account(AccountType.MEMBER_WALLET, id), points)), null)));
        }
        return new TestMember(id, phone);
    }

    public long available(long memberId) {
        return SystemActor.call(() -> ledger.memberPoints(memberId, Duration.ZERO).available());
    }

    public long held(long memberId) {
        return SystemActor.call(() -> ledger.memberPoints(memberId, Duration.ZERO).held());
    }

    /** A reward of the merchant this owner works for, worth ¥{@code value}, at {@code points}. */
    public long reward(String owner, String name, String value, long points, @Nullable Long stock, @Nullable Integer perMember,
                       boolean green) {
        return as(owner, () -> rewards.create(new RewardDraft(RewardKind.GOODS, "test-goods", name, name + " (en)", "测试礼品", "A test reward",
                new BigDecimal(value), points, null, null, stock, perMember, 30, null, null, green)));
    }

    public long merchantOf(String staffUsername) {
        return jdbc.sql("SELECT merchant_id FROM security_user WHERE username = ?").param(staffUsername).query(Long.class).single();
    }

    public String memberNumber(long memberId) {
        return jdbc.sql("SELECT member_number FROM member_member WHERE user_id = ?").param(memberId).query(String.class).single();
    }

    /** Runs as the demo store's till, signed in by the key the README prints. */
    public <T> T asDemoTill(Function<TillPrincipal, T> work) {
        TillPrincipal till = tillKeys.authenticate(DEMO_TILL_KEY).orElseThrow();
        return RunAs.call(UsernamePasswordAuthenticationToken.authenticated(till, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE))), () -> work.apply(till));
    }

    /** Runs as this user, signed in through the real user store. */
    public <T> T as(String username, Supplier<T> work) {
        UserDetails user = userDetails.loadUserByUsername(username);
        return RunAs.call(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), work);
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
