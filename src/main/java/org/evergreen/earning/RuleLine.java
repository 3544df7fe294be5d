package org.evergreen.earning;

import org.jspecify.annotations.Nullable;

/**
 * Points one rule gave a purchase.
 *
 * @param detail          what it applied to: a category, a pair of categories, a tier, a campaign's kind, the cap's percent
 * @param ruleSetVersion  the merchant's rule version, for rules of a rule set
 * @param campaignId      the campaign, for campaign points
 * @param platformFunded  paid from the platform's promotion account, not by the merchant
 */
public record RuleLine(RuleKind rule, String detail, @Nullable Integer ruleSetVersion, @Nullable Long campaignId, long points,
                       boolean platformFunded) {
}
