package org.evergreen.earning;

import org.evergreen.earning.internal.CampaignRepository;
import org.evergreen.earning.internal.PurchaseActivityQuery;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
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
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Campaigns: a merchant's owners launch their own (multipliers, fixed and first-purchase bonuses); the platform
 * runs the sign-up bonus. A campaign is disclosed when launched, never starts before that, and never changes.
 */
@Service
public class Campaigns {

    private static final BigDecimal MIN_MULTIPLIER = new BigDecimal("1.01");
    private static final BigDecimal MAX_MULTIPLIER = new BigDecimal("10");
    private static final Duration LONGEST = Duration.ofDays(366);
    private static final int MAX_CATEGORIES = 20;

    private final CampaignRepository campaigns;
    private final PurchaseActivityQuery purchases;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;

    public Campaigns(CampaignRepository campaigns, PurchaseActivityQuery purchases, CurrentUser currentUser, ActionLog actionLog, Clock clock) {
        this.campaigns = campaigns;
        this.purchases = purchases;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    /** An owner launches a campaign of their own merchant; returns its id. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public long launchMine(CampaignDraft draft) {
        return launch(currentUser.merchantId(), draft);
    }

    /**
     * The platform launches a campaign: with no merchant, a sign-up bonus paid from its promotion account;
     * for a merchant, one that merchant pays (the demo data's).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long launch(@Nullable Long merchantId, CampaignDraft draft) {
        return disclose(merchantId, draft);
    }

    @PreAuthorize("hasRole('MERCHANT')")
    public List<Campaign> mine(int offset, int limit) {
        return campaigns.page(currentUser.merchantId(), offset, limit);
    }

    @PreAuthorize("hasRole('MERCHANT')")
    public long mineCount() {
        return campaigns.count(currentUser.merchantId());
    }

    /** The platform's campaigns, the latest first: public. */
    public List<Campaign> platformCampaigns(int offset, int limit) {
        return campaigns.page(null, offset, limit);
    }

    /** Every campaign of these merchants, the latest first: public, as disclosure demands. */
    public List<Campaign> disclosed(Collection<Long> merchantIds) {
        return merchantIds.isEmpty() ? List.of() : campaigns.ofMerchants(merchantIds);
    }

    /** Campaigns by id, for explaining a purchase's points: public, as they were disclosed. */
    public List<Campaign> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : campaigns.byIds(ids);
    }

    /** The campaigns running now at the merchants where the signed-in member bought in the last year. */
    @PreAuthorize("hasRole('MEMBER')")
    public List<Campaign> runningWhereIShop(int limit) {
        Instant now = clock.instant();
        List<Long> merchants = purchases.merchantsOf(currentUser.require(Role.MEMBER).id(), now.minus(Duration.ofDays(365)));
        return merchants.isEmpty() ? List.of() : campaigns.runningAt(merchants, now, limit);
    }

    /** What may apply to a purchase at this merchant at {@code moment} by a member who joined at {@code memberJoinedAt}. */
    List<Campaign> inEffect(long merchantId, Instant moment, Instant memberJoinedAt) {
        return campaigns.inEffect(merchantId, moment, memberJoinedAt);
    }

    /** These campaigns (a purchase's context names them), in the order given. */
    List<Campaign> versions(List<Long> ids) {
        return campaigns.versions(ids);
    }

    private long disclose(@Nullable Long merchantId, CampaignDraft draft) {
        Campaign campaign = checked(merchantId, draft);
        long id = campaigns.insert(merchantId, campaign, currentUser.require().getUsername());
        actionLog.record("campaign.launched", merchantId == null ? "platform" : "merchant:" + merchantId,
                "campaign " + id + " " + campaign.nameZh() + ", " + campaign.startsAt() + " to " + campaign.endsAt());
        return id;
    }

    /** The campaign a draft would disclose now (its id still 0), or the first thing wrong with it. */
    Campaign checked(@Nullable Long merchantId, CampaignDraft draft) {
        if (draft.kind() == null || (merchantId == null) != (draft.kind() == CampaignKind.SIGN_UP)) {
            throw new InvalidInputException("kind", merchantId == null ? "campaign.platformIsSignUp" : "campaign.signUpIsPlatform");
        }
        Instant now = clock.instant();
        String nameZh = TextRules.requirePlainText("nameZh", draft.nameZh(), 100);
        String nameEn = TextRules.requirePlainText("nameEn", draft.nameEn(), 100);
        BigDecimal multiplier = null;
        Long bonus = null;
        if (draft.kind().hasMultiplier()) {
            multiplier = draft.multiplier();
            if (multiplier == null || multiplier.compareTo(MIN_MULTIPLIER) < 0 || multiplier.compareTo(MAX_MULTIPLIER) > 0
                    || multiplier.scale() > 2) {
                throw new InvalidInputException("multiplier", "campaign.multiplier.invalid", MIN_MULTIPLIER, MAX_MULTIPLIER);
            }
        } else {
            bonus = draft.bonusPoints();
            if (bonus == null || bonus < 1 || bonus > EarningRules.MAX_BONUS_POINTS) {
                throw new InvalidInputException("bonusPoints", "rules.bonus.invalid", EarningRules.MAX_BONUS_POINTS);
            }
        }
        if (draft.categories().size() > MAX_CATEGORIES) {
            throw new InvalidInputException("categories", "campaign.categories.tooMany", MAX_CATEGORIES);
        }
        Set<String> categories = draft.categories().stream().map(category -> EarningRules.category("categories", category))
                .collect(Collectors.toSet());
        Instant startsAt = draft.startsAt() == null ? now : draft.startsAt();
        if (startsAt.isBefore(now)) {
            throw new InvalidInputException("startsAt", "campaign.retroactive");
        }
        if (draft.endsAt() == null || !draft.endsAt().isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "campaign.endsBeforeStart");
        }
        if (Duration.between(startsAt, draft.endsAt()).compareTo(LONGEST) > 0) {
            throw new InvalidInputException("endsAt", "campaign.tooLong");
        }
        return new Campaign(0, merchantId, draft.kind(), nameZh, nameEn, multiplier, bonus, categories, draft.tiers(),
                startsAt, draft.endsAt(), now);
    }
}
