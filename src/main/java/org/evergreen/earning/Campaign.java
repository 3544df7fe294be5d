package org.evergreen.earning;

import org.evergreen.member.Tier;
import org.evergreen.shared.i18n.SupportedLocales;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A disclosed campaign: a merchant's, or the platform's when {@code merchantId} is null. It runs from
 * {@code startsAt} (inclusive) to {@code endsAt} (exclusive) and never changes once disclosed.
 *
 * @param categories target categories (normalized); empty: every category
 * @param tiers      target tiers; empty: every tier
 */
public record Campaign(long id, @Nullable Long merchantId, CampaignKind kind, String nameZh, String nameEn,
                       @Nullable BigDecimal multiplier, @Nullable Long bonusPoints, Set<String> categories, Set<Tier> tiers,
                       Instant startsAt, Instant endsAt, Instant disclosedAt) {

    public Campaign {
        categories = Set.copyOf(categories);
        tiers = Set.copyOf(tiers);
    }

    /** The same campaign under another id (a preview's draft, which has none yet). */
    Campaign withId(long newId) {
        return new Campaign(newId, merchantId, kind, nameZh, nameEn, multiplier, bonusPoints, categories, tiers, startsAt, endsAt, disclosedAt);
    }

    public boolean runsAt(Instant moment) {
        return !moment.isBefore(startsAt) && moment.isBefore(endsAt);
    }

    public boolean targets(Tier tier) {
        return tiers.isEmpty() || tiers.contains(tier);
    }

    public boolean targetsCategory(String normalizedCategory) {
        return categories.isEmpty() || categories.contains(normalizedCategory);
    }

    public String name(Locale locale) {
        return SupportedLocales.pick(locale, nameZh, nameEn);
    }
}
