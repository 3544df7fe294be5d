package org.evergreen.demo;

import org.evergreen.catalog.Redemptions;
import org.evergreen.catalog.RewardDraft;
import org.evergreen.catalog.RewardKind;
import org.evergreen.catalog.Rewards;
import org.evergreen.earning.CampaignDraft;
import org.evergreen.earning.CampaignKind;
import org.evergreen.earning.Campaigns;
import org.evergreen.earning.EarningRules;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.Purchases;
import org.evergreen.earning.RuleSet;
import org.evergreen.household.Households;
import org.evergreen.household.LeavingRule;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.member.MemberProfiles;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.NewMerchant.NewStore;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.merchant.UnifiedSocialCreditCode;
import org.evergreen.security.MemberRegistration;
import org.evergreen.security.NewStaffUser;
import org.evergreen.security.Role;
import org.evergreen.security.RunAs;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.database.EmbeddedMariaDb;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Loads the demo data set once into an empty database, in one transaction, through the same services
 * that people use. The four demo logins are {@code member}, {@code merchant}, {@code admin} and
 * {@code regulator}, all with the password {@value #DEMO_PASSWORD}.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "evergreen";
    private static final String DEMO_MEMBER_NAME = "王小绿";
    /** The demo merchant's first store's till key, printed in the README so that the API can be tried at once. */
    static final String DEMO_TILL_KEY = "eg_demo0001_EvergreenDemoTillKey2026Pine0001";
    /** The demo member's number, printed in the README beside the till key. */
    static final String DEMO_MEMBER_NUMBER = "920261201007";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** What a single member buys at each demo merchant, in the order of {@link #merchants()}: SKU, name, category. */
    private static final String[][] EVERYDAY_PRODUCTS = {
            {"SNACK-BOX", "零食礼包", "snacks"}, {"LAUNDRY", "洗衣服务", "laundry"}, {"NOTEBOOK-5", "笔记本套装", "stationery"},
            {"PILLOWCASE", "纯棉枕套", "bedding"}, {"TICKET", "火车票", "ticket"}, {"KITCHEN", "厨房用品", "kitchen"}};

    private static final String[][] MEMBER_NAMES = {
            {"李晓明", "张伟", "王芳"}, {"刘洋", "陈静"}, {"杨帆", "赵敏", "黄磊", "周婷"}, {"吴昊", "徐丽"},
            {"孙悦", "马超", "朱琳"}, {"胡军", "郭颖"}, {"林峰", "何雪", "高翔"}, {"罗兰", "梁栋"},
            {"宋佳", "郑凯", "谢娜"}, {"韩梅", "唐宁"}};
    private static final String[] SINGLE_MEMBER_NAMES = {"冯博", "邓超", "曹露", "彭程", "曾琪", "萧然", "田甜"};

    private final DemoDataProperties properties;
    private final ObjectProvider<EmbeddedMariaDb> embeddedDatabase;
    private final UserAccounts userAccounts;
    private final MerchantDirectory merchants;
    private final Households households;
    private final TransactionTemplate transaction;
    private final Ledger ledger;
    private final TillKeys tillKeys;
    private final EarningRules earningRules;
    private final Campaigns campaigns;
    private final Rewards rewards;
    private final Redemptions redemptions;
    private final UserDetailsService userDetails;
    private final MemberProfiles memberProfiles;
    private final Purchases purchases;
    private final Clock clock;

    DemoDataLoader(DemoDataProperties properties, ObjectProvider<EmbeddedMariaDb> embeddedDatabase,
                   UserAccounts userAccounts, MerchantDirectory merchants, Households households,
                   TransactionTemplate transaction, Ledger ledger, TillKeys tillKeys, EarningRules earningRules, Campaigns campaigns, Rewards rewards,
                   Redemptions redemptions, UserDetailsService userDetails, MemberProfiles memberProfiles, Purchases purchases,
                   Clock clock) {
        this.properties = properties;
        this.embeddedDatabase = embeddedDatabase;
        this.userAccounts = userAccounts;
        this.merchants = merchants;
        this.households = households;
        this.transaction = transaction;
        this.ledger = ledger;
        this.tillKeys = tillKeys;
        this.earningRules = earningRules;
        this.campaigns = campaigns;
        this.rewards = rewards;
        this.redemptions = redemptions;
        this.userDetails = userDetails;
        this.memberProfiles = memberProfiles;
        this.purchases = purchases;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = switch (properties.enabled()) {
            case "true" -> true;
            case "false" -> false;
            default -> embeddedDatabase.getIfAvailable() != null;
        };
        if (!wanted || userAccounts.anyUserExists()) {
            return;
        }
        SystemActor.run(() -> transaction.executeWithoutResult(status -> load()));
        log.info("Demo data loaded: logins member, merchant, admin and regulator (password in the README)");
    }

    private void load() {
        userAccounts.createStaffUser(new NewStaffUser("admin", "平台管理员", Role.ADMIN, DEMO_PASSWORD));
        userAccounts.createStaffUser(new NewStaffUser("regulator", "监管专员", Role.REGULATOR, DEMO_PASSWORD));

        List<Long> merchantIds = new ArrayList<>();
        for (NewMerchant merchant : merchants()) {
            merchantIds.add(merchants.register(merchant));
        }
        merchants.createStaffLogin(merchantIds.getFirst(), "merchant", "青松便利店长", DEMO_PASSWORD);
        List<RuleSet> rules = rules();
        for (int i = 0; i < merchantIds.size(); i++) {
            earningRules.disclose(merchantIds.get(i), rules.get(i), null);
        }
        tillKeys.createKnown(merchantIds.getFirst(), merchants.storesOf(merchantIds.getFirst()).getFirst().id(),
                "人民广场店 1 号收银台", DEMO_TILL_KEY);
        merchants.createStaffLogin(merchantIds.get(1), "hotel", "绿野酒店前台", DEMO_PASSWORD);

        // The demo member heads the first household; the first name of every other family is its head.
        long demoMember = userAccounts.createMember("member", DEMO_MEMBER_NAME, DEMO_PASSWORD);
        memberProfiles.assignKnownNumber(demoMember, DEMO_MEMBER_NUMBER);
        int phone = 0;
        for (int h = 0; h < MEMBER_NAMES.length; h++) {
            List<Long> family = new ArrayList<>();
            if (h == 0) {
                family.add(demoMember);
            }
            for (String name : MEMBER_NAMES[h]) {
                family.add(registerMember(name, ++phone));
            }
            String head = h == 0 ? DEMO_MEMBER_NAME : MEMBER_NAMES[h][0];
            households.create(head.charAt(0) + "家", h % 2 == 0
                    ? LeavingRule.RETURN_OWN_CONTRIBUTIONS : LeavingRule.LEAVE_IN_POOL,
                    family.getFirst(), family.subList(1, family.size()));
        }
        List<Long> everyoneElse = new ArrayList<>();
        for (String name : SINGLE_MEMBER_NAMES) {
            everyoneElse.add(registerMember(name, ++phone));
        }
        points(demoMember, merchantIds, everyoneElse);
        catalog(merchantIds);
        // After the redemptions, which would otherwise draw on these soonest-expiring points first.
        promotion(ledger.account(AccountType.MEMBER_WALLET, demoMember), merchantIds.get(2), 500, clock.instant().plus(Duration.ofDays(20)));
        campaigns(merchantIds);
    }

    /** One rule set per demo merchant, in the order of {@link #merchants()}. */
    private static List<RuleSet> rules() {
        BigDecimal one = BigDecimal.ONE;
        return List.of(
                new RuleSet(one, List.of(new RuleSet.CategoryRate("fresh", new BigDecimal("2"))), List.of(),
                        new BigDecimal("1.2"), new BigDecimal("1.5"), List.of(new RuleSet.ComboBonus("snacks", "drinks", 10)), one),
                new RuleSet(one, List.of(new RuleSet.CategoryRate("dining", new BigDecimal("2"))),
                        List.of(new RuleSet.UnitRate("room-night", 1000, 1200, 1500)), one, new BigDecimal("1.5"), List.of(), BigDecimal.ZERO),
                new RuleSet(one, List.of(), List.of(), new BigDecimal("1.1"), new BigDecimal("1.2"), List.of(), new BigDecimal("2")),
                RuleSet.flatRate(one),
                RuleSet.flatRate(one),
                new RuleSet(one, List.of(), List.of(), one, one, List.of(), new BigDecimal("3")));
    }

    /**
     * A running campaign at the demo merchant and the stationery chain, and the platform's sign-up bonus. The
     * latter starts after the demo members joined, so it welcomes only members who register from now on.
     */
    private void campaigns(List<Long> merchantIds) {
        Instant now = clock.instant();
        campaigns.launch(null, new CampaignDraft(CampaignKind.SIGN_UP, "新会员首购礼", "New member welcome bonus", null, 200L,
                Set.of(), Set.of(), null, now.plus(Duration.ofDays(365))));
        campaigns.launch(merchantIds.getFirst(), new CampaignDraft(CampaignKind.MULTIPLIER,
                "鲜食双倍积分", "Double points on fresh food", new BigDecimal("2"), null, Set.of("fresh"), Set.of(), null,
                now.plus(Duration.ofDays(30))));
        campaigns.launch(merchantIds.get(2), new CampaignDraft(CampaignKind.FIRST_PURCHASE,
                "开学季首购礼", "Back-to-school first purchase bonus", null, 100L, Set.of(), Set.of(), null,
                now.plus(Duration.ofDays(60))));
    }

    /**
     * Purchases recorded as the tills record them, through the same service and rules, so that every demo earn explains
     * itself (lines, rules, green CO₂e): the demo member buys fresh food and a green refill at the demo store (1,280
     * points) and three hotel nights (3,000); every other single member buys once, earning 100 × (n + 3) points.
     */
    private void points(long demoMember, List<Long> merchantIds, List<Long> otherMembers) {
        List<TillPrincipal> tills = tillsOf(merchantIds);
        buy(tills.get(0), DEMO_MEMBER_NUMBER, "demo-1", List.of(
                new PurchaseRequest.Line("FRESH-BOX", "有机蔬菜礼盒", "fresh", 3, new BigDecimal("200.00"), false, null),
                new PurchaseRequest.Line("REFILL-2L", "洗衣液补充装", "refill", 2, new BigDecimal("20.00"), false, null)));
        buy(tills.get(1), DEMO_MEMBER_NUMBER, "demo-2", List.of(
                new PurchaseRequest.Line("DELUXE", "豪华间住宿", "room-night", 3, new BigDecimal("688.00"), false, null)));
        for (int i = 0; i < otherMembers.size(); i++) {
            int merchant = i % merchantIds.size();
            String[] product = EVERYDAY_PRODUCTS[merchant];
            buy(tills.get(merchant), memberProfiles.numberOf(otherMembers.get(i)), "demo-" + (10 + i), List.of(
                    new PurchaseRequest.Line(product[0], product[1], product[2], 1, BigDecimal.valueOf(100L * (i + 3)), false, null)));
        }
    }

    /** A till at each merchant's first store: the demo store's is the one the README prints, the others' keys stay secret. */
    private List<TillPrincipal> tillsOf(List<Long> merchantIds) {
        List<TillPrincipal> tills = new ArrayList<>();
        for (int i = 0; i < merchantIds.size(); i++) {
            long merchantId = merchantIds.get(i);
            String key = i == 0 ? DEMO_TILL_KEY : "eg_demo%04d_%s".formatted(i + 1, UUID.randomUUID().toString().replace("-", ""));
            if (i > 0) {
                tillKeys.createKnown(merchantId, merchants.storesOf(merchantId).getFirst().id(), "1 号收银台", key);
            }
            tills.add(tillKeys.authenticate(key).orElseThrow());
        }
        return tills;
    }

    private void buy(TillPrincipal till, String memberNumber, String receipt, List<PurchaseRequest.Line> lines) {
        BigDecimal total = lines.stream().map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        PurchaseRequest request = new PurchaseRequest(memberNumber, null, null, receipt.toUpperCase(Locale.ROOT), clock.instant(), "CNY",
                total, lines);
        RunAs.call(UsernamePasswordAuthenticationToken.authenticated(till, null, List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE))),
                () -> purchases.record(till, request, receipt));
    }

    /**
     * A catalog across the merchants, with a campaign price at the hotel; the demo member holds a redemption
     * still to be fulfilled and has one fulfilled at the demo store.
     */
    private void catalog(List<Long> merchantIds) {
        Instant now = clock.instant();
        long voucher = rewards.createFor(merchantIds.get(0), reward(RewardKind.VOUCHER, "voucher", "青松便利 10 元代金券",
                "Pine Convenience ¥10 voucher", "全部门店通用，单笔消费满 20 元可用。", "Valid at every store on a purchase of ¥20 or more.",
                "10", 1_000L, null, null, null, 5, 30, false));
        rewards.createFor(merchantIds.get(1), reward(RewardKind.ROOM_UPGRADE, "hotel", "房型升级：湖景房", "Upgrade to a lake-view room",
                "入住时凭兑换码升级一级房型，视当日房态安排。", "Show the code at check-in for a one-category upgrade, subject to availability.",
                "200", 8_000L, null, null, 30L, 1, 90, false));
        long hotelNight = rewards.createFor(merchantIds.get(1), reward(RewardKind.HOTEL_NIGHT, "hotel", "杭州西湖酒店豪华间一晚",
                "One night in a deluxe room, Hangzhou West Lake Hotel", "含双人早餐。入住前 3 天可免费改期。",
                "Breakfast for two included. Free to rebook up to 3 days before arrival.", "600", 30_000L, null, null, 20L, 2, 90, false));
        long water = rewards.createFor(merchantIds.get(2), reward(RewardKind.GOODS, "drinkware", "环保随行杯", "Reusable travel cup",
                "不锈钢双层保温，替代一次性纸杯。", "Double-walled stainless steel, instead of paper cups.", "25", 800L, null, null,
                500L, 3, 30, true));
        rewards.createFor(merchantIds.get(2), reward(RewardKind.SERVICE, "stationery", "定制印刷办公文具套装", "Custom-printed office stationery set",
                "印有贵公司标志的笔记本、签字笔与文件夹各 50 份。", "50 notebooks, pens and folders printed with your company logo.",
                "300", 25_000L, 12_000L, "150", null, null, 60, false));
        rewards.createFor(merchantIds.get(3), reward(RewardKind.GOODS, "bedding", "有机棉四件套", "Organic cotton four-piece bedding set",
                "GOTS 认证有机棉，1.8 米床适用。", "GOTS-certified organic cotton, for a 1.8 m bed.", "399", 30_000L, 12_000L, "250",
                50L, 2, 30, true));
        rewards.createFor(merchantIds.get(3), reward(RewardKind.SERVICE, "cleaning", "上门窗帘清洗", "Curtain cleaning at home",
                "上门拆装，环保洗涤剂清洗，7 天内送回。", "Taken down and rehung at home, washed with eco detergent, back within 7 days.",
                "150", 12_000L, null, null, null, null, 60, true));
        rewards.createFor(merchantIds.get(4), reward(RewardKind.VOUCHER, "voucher", "二等座升一等座券", "Second- to first-class upgrade",
                "高铁线路适用，购票后在 App 内使用。", "For high-speed trains, applied in the app after booking.", "50", 4_000L, null, null,
                null, 4, 60, false));
        rewards.createFor(merchantIds.get(5), reward(RewardKind.GOODS, "home", "一级能效电水壶", "Energy-efficient electric kettle",
                "一级能效，保温 6 小时。", "Top energy rating, keeps water hot for 6 hours.", "199", 15_000L, 6_000L, "100", 100L, 1, 30, true));

        as("hotel", () -> rewards.addCampaignPrice(hotelNight, 25_000L, now, now.plus(Duration.ofDays(45))));
        String voucherCode = as("member", () -> {
            redemptions.redeem(water, 1, false, "demo-water");
            return redemptions.redeem(voucher, 1, false, "demo-voucher").code();
        });
        as("merchant", () -> redemptions.fulfilMine(voucherCode));
    }

    private static RewardDraft reward(RewardKind kind, String category, String nameZh, String nameEn, String descriptionZh,
                                      String descriptionEn, String value, long points, @Nullable Long cashPoints,
                                      @Nullable String cash, @Nullable Long stock, @Nullable Integer perMember, int redeemWithinDays,
                                      boolean green) {
        return new RewardDraft(kind, category, nameZh, nameEn, descriptionZh, descriptionEn, new BigDecimal(value), points, cashPoints,
                cash == null ? null : new BigDecimal(cash), stock, perMember, redeemWithinDays, null, null, green);
    }

    /** Runs part of the demo as one of its users, through the same checks as their own clicks. */
    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = userDetails.loadUserByUsername(username);
        return RunAs.call(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), work);
    }

    private void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    /** A merchant's promotional points that expire: the only demo points not from a purchase. */
    private void promotion(long wallet, long merchantId, long points, Instant expiresAt) {
        ledger.post(new EntryRequest(EntryKind.EARN, "demo", "promotion-1", "demo", "promotion", null, null,
                List.of(new Posting(ledger.account(AccountType.MERCHANT_ISSUANCE, merchantId), -points), new Posting(wallet, points)),
                expiresAt));
    }

    private long registerMember(String name, int serial) {
        return userAccounts.registerMember(new MemberRegistration(
                "1380000%04d".formatted(serial), name, DEMO_PASSWORD, true));
    }

    private static List<NewMerchant> merchants() {
        return List.of(
                merchant("青松便利", "Evergreen Pine Convenience", MerchantCategory.CONVENIENCE_STORE, "310000", 1,
                        new NewStore("人民广场店", "People's Square", "上海", "Shanghai", "黄浦区南京东路 100 号", "310101"),
                        new NewStore("静安寺店", "Jing'an Temple", "上海", "Shanghai", "静安区南京西路 1699 号", "310106"),
                        new NewStore("徐家汇店", "Xujiahui", "上海", "Shanghai", "徐汇区漕溪北路 88 号", "310104")),
                merchant("绿野酒店集团", "Greenfield Hotels Group", MerchantCategory.HOTEL, "330100", 2,
                        new NewStore("杭州西湖酒店", "Hangzhou West Lake Hotel", "杭州", "Hangzhou", "西湖区北山街 78 号", "330106"),
                        new NewStore("北京国贸酒店", "Beijing CBD Hotel", "北京", "Beijing", "朝阳区建国门外大街 1 号", "110105")),
                merchant("墨香文具", "Inkwell Stationery", MerchantCategory.STATIONERY, "440300", 3,
                        new NewStore("深圳福田店", "Shenzhen Futian", "深圳", "Shenzhen", "福田区深南大道 6008 号", "440304"),
                        new NewStore("广州天河店", "Guangzhou Tianhe", "广州", "Guangzhou", "天河区天河路 208 号", "440106")),
                merchant("棉语家纺", "Cotton Whisper Home Textiles", MerchantCategory.HOME_TEXTILE, "320500", 4,
                        new NewStore("苏州观前店", "Suzhou Guanqian", "苏州", "Suzhou", "姑苏区观前街 45 号", "320508")),
                merchant("和谐铁路", "Harmony Rail", MerchantCategory.RAILWAY, "110000", 5,
                        new NewStore("北京南站", "Beijing South Station", "北京", "Beijing", "丰台区永外大街车站路 12 号", "110106"),
                        new NewStore("上海虹桥站", "Shanghai Hongqiao Station", "上海", "Shanghai", "闵行区申贵路 1500 号", "310112")),
                merchant("光合节能电器", "Photosynth Green Appliances", MerchantCategory.GREEN_APPLIANCE, "510100", 6,
                        new NewStore("成都春熙路店", "Chengdu Chunxi Road", "成都", "Chengdu", "锦江区春熙路 19 号", "510104")));
    }

    private static NewMerchant merchant(String nameZh, String nameEn, MerchantCategory category, String division,
                                        int serial, NewStore... stores) {
        String first17 = "91" + division + "MA1" + "%06d".formatted(serial);
        return new NewMerchant(nameZh, nameEn, category, first17 + UnifiedSocialCreditCode.checkCharacter(first17),
                List.of(stores));
    }
}
