package org.evergreen.catalog;

import org.evergreen.catalog.internal.ImageResizer;
import org.evergreen.catalog.internal.RewardImages;
import org.evergreen.catalog.internal.RewardRepository;
import org.evergreen.catalog.internal.RewardRepository.NewReward;
import org.evergreen.catalog.internal.RewardRepository.StoredReward;
import org.evergreen.ledger.Ledger;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one coalition catalog: merchants' owners list rewards and set their prices (every change kept as history,
 * every price held to the value guarantee); members browse what they can redeem.
 */
@Service
public class Rewards {

    public static final long MAX_POINTS = 100_000_000;
    public static final int MAX_IMAGES = 5;
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000");
    private static final Pattern CATEGORY = Pattern.compile("^[a-z0-9-]{1,32}$");
    private static final Duration LONGEST_CAMPAIGN = Duration.ofDays(366);

    private final RewardRepository rewards;
    private final RewardImages images;
    private final ImageResizer resizer;
    private final CatalogPolicies policies;
    private final MerchantDirectory merchants;
    private final Ledger ledger;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;

    Rewards(RewardRepository rewards, RewardImages images, ImageResizer resizer, CatalogPolicies policies,
            MerchantDirectory merchants, Ledger ledger, CurrentUser currentUser, ActionLog actionLog, Clock clock) {
        this.rewards = rewards;
        this.images = images;
        this.resizer = resizer;
        this.policies = policies;
        this.merchants = merchants;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    /** An owner lists a reward of their merchant; returns its id. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public long create(RewardDraft draft) {
        return create(currentUser.merchantId(), draft);
    }

    /** The platform lists a reward for a merchant (the demo data's). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createFor(long merchantId, RewardDraft draft) {
        return create(merchantId, draft);
    }

    private long create(long merchantId, RewardDraft draft) {
        if (draft.kind() == null) {
            throw new InvalidInputException("kind", "validation.required");
        }
        String category = draft.category() == null ? "" : draft.category().strip().toLowerCase(java.util.Locale.ROOT);
        if (!CATEGORY.matcher(category).matches()) {
            throw new InvalidInputException("category", "catalog.category.invalid");
        }
        String nameZh = TextRules.requirePlainText("nameZh", draft.nameZh(), 100);
        String nameEn = TextRules.requirePlainText("nameEn", draft.nameEn(), 100);
        String descriptionZh = TextRules.requirePlainText("descriptionZh", draft.descriptionZh(), 2000);
        String descriptionEn = TextRules.requirePlainText("descriptionEn", draft.descriptionEn(), 2000);
        BigDecimal value = draft.retailValue();
        if (value == null || value.signum() <= 0 || value.compareTo(MAX_VALUE) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("retailValue", "catalog.retailValue.invalid");
        }
        long points = requirePoints("pointsPrice", draft.pointsPrice());
        checkCashOption(value, draft.cashOptionPoints(), draft.cashOptionAmount());
        policies.checkPrice("pointsPrice", value, points, null);
        if (draft.stock() != null && (draft.stock() < 0 || draft.stock() > 10_000_000)) {
            throw new InvalidInputException("stock", "catalog.stock.invalid");
        }
        if (draft.perMemberLimit() != null && (draft.perMemberLimit() < 1 || draft.perMemberLimit() > 1000)) {
            throw new InvalidInputException("perMemberLimit", "catalog.limit.invalid");
        }
        Integer days = draft.redeemWithinDays();
        if (days == null || days < 1 || days > 366) {
            throw new InvalidInputException("redeemWithinDays", "catalog.redeemWithin.invalid");
        }
        Instant now = clock.instant();
        Instant from = draft.availableFrom() == null || draft.availableFrom().isBefore(now) ? now : draft.availableFrom();
        if (draft.availableUntil() != null && !draft.availableUntil().isAfter(from)) {
            throw new InvalidInputException("availableUntil", "catalog.availableUntil.beforeFrom");
        }
        long id = rewards.insert(new NewReward(merchantId, draft.kind(), category, nameZh, nameEn, descriptionZh, descriptionEn,
                value, points, draft.cashOptionPoints(), draft.cashOptionAmount(), draft.stock(), draft.perMemberLimit(),
                days, from, draft.availableUntil(), draft.green()), now);
        rewards.setRegularPrice(id, points, draft.cashOptionPoints(), draft.cashOptionAmount(), now, actor());
        actionLog.record("reward.listed", "reward:" + id, "merchant " + merchantId + ", " + nameZh + ", " + points + " points");
        return id;
    }

    /** A new regular price from now on; the old one stays in the history members see. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void changePrice(long rewardId, @Nullable Long pointsPrice, @Nullable Long cashOptionPoints,
                            @Nullable BigDecimal cashOptionAmount) {
        StoredReward reward = mine(rewardId);
        long points = requirePoints("pointsPrice", pointsPrice);
        checkCashOption(reward.retailValue(), cashOptionPoints, cashOptionAmount);
        policies.checkPrice("pointsPrice", reward.retailValue(), points, null);
        Optional<Long> campaign = rewards.highestCampaignFrom(rewardId, clock.instant());
        if (campaign.isPresent() && points <= campaign.get()) {
            throw new InvalidInputException("pointsPrice", "catalog.price.belowCampaign", campaign.get());
        }
        rewards.setRegularPrice(rewardId, points, cashOptionPoints, cashOptionAmount, clock.instant(), actor());
        actionLog.record("reward.price", "reward:" + rewardId, points + " points"
                + (cashOptionPoints == null ? "" : ", or " + cashOptionPoints + " points + ¥" + cashOptionAmount));
    }

    /** A lower points price for a time window ("in the off season this room costs 25,000 instead of 30,000"). */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void addCampaignPrice(long rewardId, @Nullable Long points, @Nullable Instant startsAt, @Nullable Instant endsAt) {
        StoredReward reward = mine(rewardId);
        long campaignPoints = requirePoints("campaignPoints", points);
        if (campaignPoints >= reward.regularPoints()) {
            throw new InvalidInputException("campaignPoints", "catalog.campaign.notLower", reward.regularPoints());
        }
        policies.checkPrice("campaignPoints", reward.retailValue(), campaignPoints, null);
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        if (start.isBefore(now.minusSeconds(60))) {
            throw new InvalidInputException("startsAt", "catalog.campaign.retroactive");
        }
        if (endsAt == null || !endsAt.isAfter(start) || Duration.between(start, endsAt).compareTo(LONGEST_CAMPAIGN) > 0) {
            throw new InvalidInputException("endsAt", "catalog.campaign.window");
        }
        if (rewards.campaignOverlaps(rewardId, start, endsAt)) {
            throw new InvalidInputException("startsAt", "catalog.campaign.overlaps");
        }
        rewards.insertCampaignPrice(rewardId, campaignPoints, start.isBefore(now) ? now : start, endsAt, now, actor());
        actionLog.record("reward.campaignPrice", "reward:" + rewardId, campaignPoints + " points, " + start + " to " + endsAt);
    }

    /** Withdraws a reward from the catalog or lists it again; redemptions already made stay as they are. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void setListed(long rewardId, boolean listed) {
        mine(rewardId);
        rewards.setListed(rewardId, listed);
        actionLog.record(listed ? "reward.relisted" : "reward.withdrawn", "reward:" + rewardId, "");
    }

    /** Adds a picture; it is resized and stored in the database. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void addImage(long rewardId, byte[] upload) {
        mine(rewardId);
        if (upload.length == 0 || upload.length > MAX_IMAGE_BYTES) {
            throw new InvalidInputException("image", "catalog.image.tooLarge", MAX_IMAGE_BYTES / (1024 * 1024));
        }
        if (images.count(rewardId) >= MAX_IMAGES) {
            throw new InvalidInputException("image", "catalog.image.tooMany", MAX_IMAGES);
        }
        ImageResizer.Resized resized = resizer.resize(upload)
                .orElseThrow(() -> new InvalidInputException("image", "catalog.image.unreadable"));
        images.insert(rewardId, resized, clock.instant());
    }

    @PreAuthorize("hasRole('MERCHANT')")
    public List<MerchantReward> myRewards(int offset, int limit) {
        return rewards.ofMerchant(currentUser.merchantId(), clock.instant(), offset, limit);
    }

    @PreAuthorize("hasRole('MERCHANT')")
    public long myRewardCount() {
        return rewards.countOfMerchant(currentUser.merchantId());
    }

    /** The catalog a member sees: rewards available now that match the filter, with what each one still needs. */
    @PreAuthorize("hasRole('MEMBER')")
    public List<CatalogItem> browse(CatalogFilter filter, int offset, int limit) {
        long available = myAvailablePoints();
        List<StoredReward> page = rewards.browse(filter, available, clock.instant(), offset, limit);
        Map<Long, PublicMerchant> names = merchants.publicMerchants(page.stream().map(StoredReward::merchantId).collect(Collectors.toSet()));
        return page.stream().map(reward -> item(reward, names.get(reward.merchantId()), available)).toList();
    }

    @PreAuthorize("hasRole('MEMBER')")
    public long browseCount(CatalogFilter filter) {
        return rewards.browseCount(filter, filter.affordableOnly() ? myAvailablePoints() : 0, clock.instant());
    }

    /** One reward as the catalog shows it to the member, if it is available now. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<CatalogItem> reward(long rewardId) {
        Instant now = clock.instant();
        return rewards.find(rewardId, now).filter(reward -> reward.availableAt(now))
                .map(reward -> item(reward, merchants.publicMerchant(reward.merchantId()), myAvailablePoints()));
    }

    /** Every price a reward has had, newest first: members see it while the reward is offered, and its merchant always. */
    @PreAuthorize("isAuthenticated()")
    public List<PriceChange> priceHistory(long rewardId) {
        return visible(rewardId) ? rewards.priceHistory(rewardId) : List.of();
    }

    @PreAuthorize("isAuthenticated()")
    public List<Long> imageIds(long rewardId) {
        return visible(rewardId) ? images.ids(rewardId) : List.of();
    }

    /** A picture's bytes (JPEG), to whoever may see its reward. */
    @PreAuthorize("isAuthenticated()")
    public Optional<byte[]> image(long imageId, boolean thumbnail) {
        return images.picture(imageId, thumbnail).filter(picture -> visible(picture.rewardId())).map(RewardImages.Picture::bytes);
    }

    /** Offered in the catalog now, or one of the caller's merchant's own; admins and regulators see every reward. */
    private boolean visible(long rewardId) {
        Instant now = clock.instant();
        return rewards.offering(rewardId).filter(reward -> switch (currentUser.require().role()) {
            case ADMIN, REGULATOR -> true;
            case MERCHANT -> reward.merchantId() == currentUser.merchantId();
            case MEMBER -> reward.availableAt(now);
        }).isPresent();
    }

    @PreAuthorize("hasRole('MEMBER')")
    public List<String> categories() {
        return rewards.categories();
    }

    @PreAuthorize("hasRole('MEMBER')")
    public List<PublicMerchant> merchantsWithRewards() {
        return merchants.publicMerchants(rewards.merchantsWithRewards()).values().stream()
                .sorted(java.util.Comparator.comparingLong(PublicMerchant::id)).toList();
    }

    private long myAvailablePoints() {
        return ledger.myPoints(Duration.ZERO).available();
    }

    private static CatalogItem item(StoredReward reward, @Nullable PublicMerchant merchant, long available) {
        if (merchant == null) {
            throw new IllegalStateException("Reward " + reward.id() + " of unknown merchant " + reward.merchantId());
        }
        return new CatalogItem(reward.id(), merchant, reward.kind(), reward.category(), reward.nameZh(), reward.nameEn(),
                reward.descriptionZh(), reward.descriptionEn(), reward.retailValue(), reward.price(), reward.regularPoints(),
                reward.stockLeft(), reward.perMemberLimit(), reward.redeemWithinDays(), reward.availableUntil(), reward.green(),
                reward.imageId(), Math.max(0, fewestPoints(reward.price()) - Math.max(0, available)));
    }

    /** The points of the cheaper way to redeem, points only or points + cash: what "affordable" is measured against. */
    private static long fewestPoints(RewardPrice price) {
        return price.hasCashOption() ? Math.min(price.points(), price.cashOptionPoints()) : price.points();
    }

    /**
     * One of the caller's merchant's rewards, locked for the change the caller makes; another merchant's is reported
     * as not existing.
     */
    private StoredReward mine(long rewardId) {
        rewards.lock(rewardId);
        return rewards.find(rewardId, clock.instant()).filter(reward -> reward.merchantId() == currentUser.merchantId())
                .orElseThrow(() -> new InvalidInputException("reward", "catalog.reward.notFound"));
    }

    private static long requirePoints(String field, @Nullable Long points) {
        if (points == null || points < 1 || points > MAX_POINTS) {
            throw new InvalidInputException(field, "catalog.points.invalid", MAX_POINTS);
        }
        return points;
    }

    private void checkCashOption(BigDecimal value, @Nullable Long cashPoints, @Nullable BigDecimal cash) {
        if (cashPoints == null && cash == null) {
            return;
        }
        long points = requirePoints("cashOptionPoints", cashPoints);
        if (cash == null || cash.signum() <= 0 || cash.stripTrailingZeros().scale() > 2 || cash.compareTo(value) >= 0) {
            throw new InvalidInputException("cashOptionAmount", "catalog.cash.invalid");
        }
        policies.checkPrice("cashOptionPoints", value, points, cash);
    }

    private String actor() {
        return "user:" + currentUser.require().id();
    }
}
