package org.evergreen.green;

import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.EarningRules;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.Purchases;
import org.evergreen.earning.RefundRequest;
import org.evergreen.earning.RefundResult;
import org.evergreen.earning.Refunds;
import org.evergreen.earning.RuleSet;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.merchant.UnifiedSocialCreditCode;
import org.evergreen.security.RunAs;
import org.evergreen.security.SystemActor;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant of its own for a green test, so that no other test's purchases reach its figures: two stores with a till
 * key each, rules of 1 point per yuan and 1 green point per yuan, and a staff login.
 */
public final class GreenMerchants {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** The merchant, its stores' till keys, and its owner's login. */
    public record TestMerchant(long id, List<Long> storeIds, List<String> tillKeys, String staffUsername, String staffPassword) {
    }

    private final ApplicationContext context;

    public GreenMerchants(ApplicationContext context) {
        this.context = context;
    }

    public TestMerchant newMerchant() {
        return newMerchant(null, null);
    }

    /** A merchant whose east and west stores are placed in these districts (GB/T 2260), or nowhere for null. */
    public TestMerchant newMerchant(String eastRegion, String westRegion) {
        MerchantDirectory merchants = context.getBean(MerchantDirectory.class);
        TillKeys tillKeys = context.getBean(TillKeys.class);
        int n = NEXT.incrementAndGet();
        String unique = "%07d".formatted((System.nanoTime() + n) % 10_000_000);
        String first17 = "91310000GR" + unique;
        long merchantId = SystemActor.call(() -> merchants.register(new NewMerchant("绿测商店" + unique, "Green Test Shop " + unique,
                MerchantCategory.CONVENIENCE_STORE, first17 + UnifiedSocialCreditCode.checkCharacter(first17),
                List.of(new NewMerchant.NewStore("东店", "East store", "成都", "Chengdu", "东路 1 号", eastRegion),
                        new NewMerchant.NewStore("西店", "West store", "成都", "Chengdu", "西路 2 号", westRegion)))));
        List<Long> storeIds = SystemActor.call(() -> merchants.storesOf(merchantId)).stream().map(store -> store.id()).toList();
        List<String> keys = storeIds.stream().map(storeId -> "eg_gr%s%d_GreenTestShopTillKeyForTests0001".formatted(unique.substring(2), storeIds.indexOf(storeId)))
                .toList();
        String username = "green.owner." + unique;
        SystemActor.run(() -> {
            context.getBean(EarningRules.class).disclose(merchantId, new RuleSet(BigDecimal.ONE, List.of(), List.of(), BigDecimal.ONE,
                    BigDecimal.ONE, List.of(), BigDecimal.ONE), null);
            for (int i = 0; i < storeIds.size(); i++) {
                tillKeys.createKnown(merchantId, storeIds.get(i), "绿测收银台", keys.get(i));
            }
            merchants.createStaffLogin(merchantId, username, "绿测店主", "green-2026-owner");
        });
        return new TestMerchant(merchantId, storeIds, keys, username, "green-2026-owner");
    }

    /** A purchase of these lines now, at the till of the given key. */
    public PurchaseResult buy(String tillKey, long memberId, PurchaseRequest.Line... lines) {
        BigDecimal total = Arrays.stream(lines).map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        PurchaseRequest request = new PurchaseRequest(new CatalogFixtures(context).memberNumber(memberId), null, null,
                "GM-" + UUID.randomUUID().toString().substring(0, 8), Instant.now(), "CNY", total, List.of(lines));
        return asTill(tillKey, till -> context.getBean(Purchases.class).record(till, request, UUID.randomUUID().toString()));
    }

    public RefundResult refund(String tillKey, long purchaseId, String sku, int quantity) {
        return asTill(tillKey, till -> context.getBean(Refunds.class).refund(till, purchaseId,
                new RefundRequest(false, List.of(new RefundRequest.Line(sku, quantity))), UUID.randomUUID().toString()));
    }

    private <T> T asTill(String key, java.util.function.Function<TillPrincipal, T> work) {
        TillPrincipal till = context.getBean(TillKeys.class).authenticate(key).orElseThrow();
        return RunAs.call(UsernamePasswordAuthenticationToken.authenticated(till, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE))), () -> work.apply(till));
    }
}
