package org.evergreen.earning;

import org.evergreen.earning.PurchaseRefused.Kind;
import org.evergreen.earning.internal.PurchaseRepository;
import org.evergreen.earning.internal.PurchaseRepository.RecordedLine;
import org.evergreen.earning.internal.RequestFingerprints;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.member.MemberProfile;
import org.evergreen.member.MemberProfiles;
import org.evergreen.member.OneTimeCodes;
import org.evergreen.member.Tier;
import org.evergreen.member.TierThresholds;
import org.evergreen.member.Tiers;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.MerchantSummary;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.database.RetryingTransactions;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Purchases reported by tills earn their members points: only against a real, well-formed purchase, under
 * the merchant's rules and the campaigns disclosed before the purchase, capped by the platform, once per
 * receipt, once per idempotency key. Each purchase records the rule version, the member's tier and the
 * points of every rule that fired.
 */
@Service
public class Purchases {

    private static final Pattern RECEIPT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_/-]{0,63}$");
    private static final BigDecimal MAX_TOTAL = new BigDecimal("10000000");
    private static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");
    private static final int MAX_LINES = 200;
    private static final int MAX_QUANTITY = 10_000;
    /** How far ahead of the server's clock a till may date a purchase. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration LATE_REPORT = Duration.ofDays(30);

    static final Duration TIER_WINDOW = Duration.ofDays(365);
    /** The origin of the platform's promotion points for purchases (sign-up bonuses); their keys are purchase ids. */
    static final String PLATFORM_ORIGIN = "platform:promotion";
    private static final long MAX_CO2E_GRAMS_PER_UNIT = 10_000_000;

    private final PurchaseRepository purchases;
    private final MerchantDirectory merchants;
    private final CurrentUser currentUser;
    private final MemberProfiles members;
    private final OneTimeCodes codes;
    private final EarningRules rules;
    private final Campaigns campaigns;
    private final EarningPolicies policies;
    private final Tiers tiers;
    private final Ledger ledger;
    private final RetryingTransactions transactions;
    private final ApplicationEventPublisher events;
    private final GreenLineClassifier greenLines;
    private final Clock clock;

    public Purchases(PurchaseRepository purchases, MerchantDirectory merchants, CurrentUser currentUser, MemberProfiles members,
                     OneTimeCodes codes, EarningRules rules, Campaigns campaigns, EarningPolicies policies, Tiers tiers,
                     Ledger ledger, RetryingTransactions transactions, ApplicationEventPublisher events, GreenLineClassifier greenLines,
                     Clock clock) {
        this.purchases = purchases;
        this.merchants = merchants;
        this.currentUser = currentUser;
        this.members = members;
        this.codes = codes;
        this.rules = rules;
        this.campaigns = campaigns;
        this.policies = policies;
        this.tiers = tiers;
        this.ledger = ledger;
        this.transactions = transactions;
        this.events = events;
        this.greenLines = greenLines;
        this.clock = clock;
    }

    /**
     * Records a till's purchase and posts its points; the same key again answers the first result. One short
     * transaction, run again from the start if the database picks it as a deadlock's victim. A replay is found
     * when the purchase's row cannot be inserted (its key, or its receipt, is taken), and the attempt rolls back
     * whole: a new purchase spends no statement on looking for a first one.
     */
    @PreAuthorize("hasRole('TILL') and #till.storeId() == principal.storeId()")
    public PurchaseResult record(TillPrincipal till, PurchaseRequest request, String idempotencyKey) {
        return record(Counter.of(till), request, idempotencyKey);
    }

    /**
     * A purchase typed in by the merchant's own staff at one of its open stores (a small shop without a till
     * integration): the same checks, rules and idempotency as a till's, the staff member named as its actor.
     */
    @PreAuthorize("hasRole('MERCHANT')")
    public PurchaseResult recordAtCounter(long storeId, PurchaseRequest request, String idempotencyKey) {
        MerchantSummary merchant = merchants.myMerchant();
        StoreSummary store = merchants.myStores().stream().filter(candidate -> candidate.id() == storeId && candidate.closedAt() == null)
                .findFirst().orElseThrow(() -> new PurchaseRefused(Kind.WRONG_STORE, "wrong-store", "api.problem.wrong-store.detail"));
        return record(new Counter(merchant.id(), store.id(), store.regionCode(), merchant.category(), "user:" + currentUser.require().id()),
                request, idempotencyKey);
    }

    private PurchaseResult record(Counter till, PurchaseRequest request, String idempotencyKey) {
        try {
            return transactions.execute(() -> recordOnce(till, request, idempotencyKey));
        } catch (DuplicateKeyException taken) {
            return replay(till, request, idempotencyKey)
                    .orElseThrow(() -> new PurchaseRefused(Kind.DUPLICATE_RECEIPT, "duplicate-receipt", "api.purchase.duplicateReceipt"));
        } catch (PurchaseRefused refused) {
            // A replay long after the first request (say, of a purchase now too old to report) still answers it.
            return replay(till, request, idempotencyKey).orElseThrow(() -> refused);
        }
    }

    /** Where a purchase is recorded and by whom: a till's key, or a staff member at a store's counter. */
    private record Counter(long merchantId, long storeId, @Nullable String regionCode, MerchantCategory merchantCategory, String actor) {

        static Counter of(TillPrincipal till) {
            return new Counter(till.merchantId(), till.storeId(), till.regionCode(), till.merchantCategory(), till.actor());
        }
    }

    private Optional<PurchaseResult> replay(Counter till, PurchaseRequest request, String idempotencyKey) {
        return purchases.byIdempotencyKey(till.merchantId(), idempotencyKey)
                .map(first -> replayOf(first, RequestFingerprints.of("store:" + till.storeId(), request)));
    }

    private PurchaseResult recordOnce(Counter till, PurchaseRequest request, String idempotencyKey) {
        String requestHash = RequestFingerprints.of("store:" + till.storeId(), request);
        PurchaseRequest purchase = normalized(request);
        // Every store, of this merchant or another, gets the same answer: it tells a till nothing about other stores.
        if (purchase.storeId() != null && purchase.storeId() != till.storeId()) {
            throw new PurchaseRefused(Kind.WRONG_STORE, "wrong-store", "api.problem.wrong-store.detail");
        }
        // A replay whose one-time code the first request used finds no member: record() then answers the first.
        MemberProfile member = (purchase.memberCode() != null ? codes.use(purchase.memberCode()) : members.byNumber(purchase.memberNumber()))
                .orElseThrow(() -> new PurchaseRefused(Kind.MEMBER_NOT_FOUND, "member-not-found", "api.problem.member-not-found.detail"));
        purchases.lockMember(member.userId());
        PurchaseRepository.PurchaseContext context = purchases.context(member.userId(), till.merchantId(), purchase.purchasedAt(),
                clock.instant(), member.joinedAt(), TIER_WINDOW);
        RuleSetVersion ruleSet = Optional.ofNullable(context.ruleSetId()).flatMap(rules::version)
                .orElseThrow(() -> new PurchaseRefused(Kind.NO_EARNING_RULE, "no-earning-rule", "api.purchase.noRule"));
        TierThresholds thresholds = tiers.thresholds();
        Tier tier = thresholds.tierFor(context.spendBefore());
        EarningFacts facts = new EarningFacts(tier, !context.purchasedHere(), !context.purchasedBefore(), member.joinedAt());
        List<RecordedLine> lines = purchase.lines().stream().map(line -> new RecordedLine(line, greenLines.classify(line.sku(),
                RuleSet.normalizedCategory(line.category()), line.quantity(), line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())),
                purchase.purchasedAt()))).toList();
        PointsCalculation calculation = PointsCalculator.calculate(lines.stream().map(RecordedLine::asClassified).toList(), purchase.total(),
                purchase.purchasedAt(), ruleSet, campaigns.versions(context.campaignIds()), policies.version(context.policyId(), purchase.purchasedAt()), facts);
        long purchaseId = purchases.insert(till.merchantId(), till.storeId(), member.userId(), idempotencyKey, requestHash, purchase, lines,
                new PurchaseRepository.Earned(ruleSet.version(), tier, calculation), clock.instant());
        if (calculation.merchantPoints() > 0) {
            earn("merchant:" + till.merchantId(), idempotencyKey, till.actor(), purchaseId, AccountType.MERCHANT_ISSUANCE, till.merchantId(),
                    member.userId(), calculation.merchantPoints());
        }
        if (calculation.platformPoints() > 0) {
            earn(PLATFORM_ORIGIN, "purchase:" + purchaseId, till.actor(), purchaseId, AccountType.PLATFORM_PROMOTION, AccountType.PLATFORM,
                    member.userId(), calculation.platformPoints());
        }
        // The purchase is within the tier window of now (it is at most 30 days old), so it adds to the spend whole.
        BigDecimal spendNow = context.spendSince().add(purchase.total());
        SystemActor.call(() -> tiers.recordQualifyingSpend(member.userId(), spendNow, thresholds));
        if (calculation.points() > 0) {
            events.publishEvent(new PointsEarned(member.userId(), purchaseId, calculation.points()));
        }
        events.publishEvent(recorded(purchaseId, till, member.userId(), purchase, lines, calculation));
        return answer(purchaseId, member.userId(), calculation.points(),
                calculation.lines().stream().map(PurchaseResult.RulePoints::of).toList(), false);
    }

    private static PurchaseRecorded recorded(long purchaseId, Counter till, long memberId, PurchaseRequest purchase,
                                             List<RecordedLine> lines, PointsCalculation calculation) {
        long greenPoints = calculation.lines().stream().filter(line -> line.rule() == RuleKind.GREEN).mapToLong(RuleLine::points).sum();
        return new PurchaseRecorded(purchaseId, till.merchantId(), till.storeId(), till.regionCode(), till.merchantCategory().name(), memberId,
                purchase.purchasedAt(), purchase.total(),
                calculation.points(), greenPoints, lines.stream()
                .map(recorded -> new PurchaseRecorded.Line(recorded.line().sku(), recorded.line().name(),
                        RuleSet.normalizedCategory(recorded.line().category()),
                        recorded.line().quantity(), recorded.line().unitPrice(), recorded.green() != null,
                        recorded.green() == null ? null : recorded.green().methodCode(),
                        recorded.green() == null ? 0 : recorded.green().co2eGrams()))
                .toList());
    }

    /**
     * Posts the points of a purchase from the account that pays them (the merchant's issuance or the platform's
     * promotion). The entry names the purchase in its reference, and refunds find it again by its origin and key.
     */
    private void earn(String origin, String idempotencyKey, String actor, long purchaseId, AccountType payer, long payerId,
                      long memberId, long points) {
        SystemActor.run(() -> ledger.post(new EntryRequest(EntryKind.EARN, origin, idempotencyKey, actor, "purchase",
                "purchase:" + purchaseId, null, List.of(new Posting(ledger.account(payer, payerId), -points),
                new Posting(ledger.account(AccountType.MEMBER_WALLET, memberId), points)), null)));
    }

    /** Stores the tier that the member's rolling 12-month qualifying spend gives them now. */
    void updateTier(long memberId) {
        BigDecimal spend = purchases.qualifyingSpend(memberId, clock.instant().minus(TIER_WINDOW), null);
        SystemActor.call(() -> tiers.recordQualifyingSpend(memberId, spend));
    }

    private PurchaseResult replayOf(PurchaseRepository.StoredPurchase first, String requestHash) {
        if (!first.requestHash().equals(requestHash)) {
            throw new PurchaseRefused(Kind.IDEMPOTENCY_KEY_REUSED, "idempotency-key-reused", "api.problem.idempotency-key-reused.detail");
        }
        return answer(first.id(), first.memberId(), first.points(), purchases.breakdown(first.id()), true);
    }

    /** One of the till's own merchant's purchases; another merchant's is reported as not existing. */
    @PreAuthorize("hasRole('TILL') and #till.storeId() == principal.storeId()")
    public Optional<PurchaseDetails> details(TillPrincipal till, long purchaseId) {
        return purchases.details(till.merchantId(), purchaseId);
    }

    private PurchaseResult answer(long purchaseId, long memberId, long points, List<PurchaseResult.RulePoints> breakdown, boolean replay) {
        long available = SystemActor.call(() -> ledger.balance(ledger.account(AccountType.MEMBER_WALLET, memberId)));
        return new PurchaseResult(purchaseId, points, breakdown, available, replay);
    }

    /** Checks every field and returns the purchase with its texts trimmed, as it is stored. */
    private PurchaseRequest normalized(PurchaseRequest purchase) {
        require(purchase != null, "api.purchase.memberRequired");
        require((purchase.memberNumber() == null) != (purchase.memberCode() == null), "api.purchase.memberRequired");
        require(purchase.receiptNumber() != null && RECEIPT.matcher(purchase.receiptNumber()).matches(), "api.purchase.receipt");
        require(purchase.purchasedAt() != null, "api.purchase.timeRequired");
        Instant now = clock.instant();
        require(!purchase.purchasedAt().isAfter(now.plus(CLOCK_SKEW)), "api.purchase.future");
        require(!purchase.purchasedAt().isBefore(now.minus(LATE_REPORT)), "api.purchase.tooOld");
        require("CNY".equals(purchase.currency()), "api.purchase.currency");
        require(purchase.lines() != null && !purchase.lines().isEmpty() && purchase.lines().size() <= MAX_LINES, "api.purchase.lines");
        BigDecimal sum = BigDecimal.ZERO;
        for (PurchaseRequest.Line line : purchase.lines()) {
            require(line != null && line.sku() != null && !line.sku().isBlank() && line.sku().length() <= 64, "api.purchase.line");
            require(TextRules.isPlainText(line.name(), 200) && TextRules.isPlainText(line.category(), 64), "api.purchase.line");
            require(line.quantity() >= 1 && line.quantity() <= MAX_QUANTITY, "api.purchase.quantity");
            require(line.co2eGrams() == null || line.green() && line.co2eGrams() >= 0 && line.co2eGrams() <= MAX_CO2E_GRAMS_PER_UNIT,
                    "api.purchase.co2e");
            require(line.unitPrice() != null && line.unitPrice().signum() >= 0 && line.unitPrice().scale() <= 2
                    && line.unitPrice().compareTo(MAX_UNIT_PRICE) <= 0, "api.purchase.amount");
            sum = sum.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        require(purchase.total() != null && purchase.total().signum() > 0 && purchase.total().scale() <= 2
                && purchase.total().compareTo(MAX_TOTAL) <= 0, "api.purchase.amount");
        require(purchase.total().compareTo(sum) == 0, "api.purchase.totalMismatch");
        require(purchase.lines().stream().map(line -> line.sku().strip()).distinct().count() == purchase.lines().size(), "api.purchase.repeatedSku");
        return new PurchaseRequest(strip(purchase.memberNumber()), strip(purchase.memberCode()), purchase.storeId(), purchase.receiptNumber(),
                purchase.purchasedAt(), purchase.currency(), purchase.total(), purchase.lines().stream()
                .map(line -> new PurchaseRequest.Line(line.sku().strip(), line.name().strip(), line.category().strip(), line.quantity(),
                        line.unitPrice(), line.green(), line.co2eGrams()))
                .toList());
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static void require(boolean condition, String detailKey) {
        if (!condition) {
            throw new PurchaseRefused(Kind.INVALID, "invalid-purchase", detailKey);
        }
    }
}
