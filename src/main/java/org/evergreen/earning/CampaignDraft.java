package org.evergreen.earning;

import org.evergreen.member.Tier;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A campaign as its author fills it in, before disclosure.
 *
 * @param startsAt null: starts at once, as it is disclosed
 */
public record CampaignDraft(CampaignKind kind, String nameZh, String nameEn, @Nullable BigDecimal multiplier,
                            @Nullable Long bonusPoints, Set<String> categories, Set<Tier> tiers,
                            @Nullable Instant startsAt, @Nullable Instant endsAt) {
}
