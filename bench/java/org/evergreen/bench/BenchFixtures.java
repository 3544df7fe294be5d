package org.evergreen.bench;

import org.evergreen.earning.EarningRules;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.Purchases;
import org.evergreen.earning.RuleSet;
import org.evergreen.member.internal.MemberNumbers;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.merchant.UnifiedSocialCreditCode;
import org.evergreen.security.EvergreenUser;
import org.evergreen.security.SystemActor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.evergreen.bench.BenchSupport.runThreads;

/** What the benchmarks that post purchases share: a merchant with disclosed rules, members who buy, tills, baskets. */
final class BenchFixtures {

    private static final List<String> SHANGHAI = List.of("310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
            "310113", "310115");

    /** Members who buy, written by SQL (registering thousands would spend minutes hashing passwords), and the tills they buy at. */
    record Buyers(List<String> memberNumbers, List<Long> memberIds, List<TillPrincipal> tills) {
    }

    private BenchFixtures() {
    }

    /** A merchant with 10 stores in Shanghai's districts and rules with a green bonus. */
    static long merchant(ConfigurableApplicationContext app, String name, String first17) {
        return SystemActor.call(() -> {
            List<NewMerchant.NewStore> stores = new ArrayList<>();
            for (int s = 0; s < SHANGHAI.size(); s++) {
                stores.add(new NewMerchant.NewStore("绿色店 " + s, "Green store " + s, "上海", "Shanghai", "基准路 " + s + " 号", SHANGHAI.get(s)));
            }
            long id = app.getBean(MerchantDirectory.class).register(new NewMerchant(name, "Bench Green", MerchantCategory.CONVENIENCE_STORE,
                    first17 + UnifiedSocialCreditCode.checkCharacter(first17), stores));
            app.getBean(EarningRules.class).disclose(id, new RuleSet(BigDecimal.ONE, List.of(), List.of(), BigDecimal.ONE, BigDecimal.ONE,
                    List.of(), BigDecimal.ONE), null);
            return id;
        });
    }

    /** {@code count} members and a till at each of the first merchant's first four stores. */
    static Buyers buyers(ConfigurableApplicationContext app, JdbcClient jdbc, int count) {
        long merchantId = jdbc.sql("SELECT id FROM merchant_merchant ORDER BY id LIMIT 1").query(Long.class).single();
        List<StoreSummary> stores = SystemActor.call(() -> app.getBean(MerchantDirectory.class).storesOf(merchantId));
        List<TillPrincipal> tills = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            String key = "eg_gren%04d_BenchmarkTillKeyForGreenBench%03d".formatted(s + 1, s + 1);
            int store = s;
            SystemActor.run(() -> app.getBean(TillKeys.class).createKnown(merchantId, stores.get(store).id(), "基准收银台", key));
            tills.add(app.getBean(TillKeys.class).authenticate(key).orElseThrow());
        }
        jdbc.sql("""
                        INSERT INTO security_user (username, display_name, password_hash, role, created_at)
                        SELECT CONCAT('buyer', seq), CONCAT('会员', seq), '{noop}unused', 'MEMBER', NOW(6) FROM seq_1_to_%d"""
                .formatted(count)).update();
        List<String> numbers = new ArrayList<>();
        List<Long> ids = jdbc.sql("SELECT id FROM security_user WHERE username LIKE 'buyer%' ORDER BY id").query(Long.class).list();
        for (long id : ids) {
            String number = MemberNumbers.next();
            jdbc.sql("INSERT INTO member_member (user_id, member_number, tier, joined_at) VALUES (?, ?, 'ORDINARY', NOW(6) - INTERVAL 400 DAY)")
                    .params(id, number).update();
            numbers.add(number);
        }
        return new Buyers(numbers, ids, tills);
    }

    /** A 3-line basket: local produce (green, per yuan) with a category rate, a refill (green, per unit), and a drink. */
    static PurchaseRequest basket(Buyers buyers, long n, String receipt) {
        return new PurchaseRequest(buyers.memberNumbers().get((int) (n % buyers.memberNumbers().size())), null, null, receipt,
                Instant.now(), "CNY", new BigDecimal("31.50"), List.of(
                new PurchaseRequest.Line("6901", "本地青菜", "local-produce", 2, new BigDecimal("9.50"), false, null),
                new PurchaseRequest.Line("6902", "洗衣液补充装", "refill", 1, new BigDecimal("7.50"), false, null),
                new PurchaseRequest.Line("6903", "矿泉水", "drinks", 2, new BigDecimal("2.50"), false, null)));
    }

    static void signInAsTill(TillPrincipal till) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(till, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE))));
    }

    /** Purchases per second through the service, {@code threads} tills posting one after another for {@code duration}. */
    static double serviceLoop(ConfigurableApplicationContext app, Buyers buyers, int threads, AtomicLong receipts, Duration duration)
            throws Exception {
        Purchases purchases = app.getBean(Purchases.class);
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        runThreads(threads, thread -> {
            TillPrincipal till = buyers.tills().get(thread % buyers.tills().size());
            signInAsTill(till);
            for (long i = thread; System.nanoTime() < deadline; i += threads) {
                purchases.record(till, basket(buyers, i, "G-" + receipts.incrementAndGet()), "loop-" + i + "-" + System.nanoTime());
                done.incrementAndGet();
            }
            return null;
        });
        return done.get() / (duration.toNanos() / 1e9);
    }

    static <T> T as(EvergreenUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
