package org.evergreen.catalog;

import org.evergreen.catalog.internal.RedemptionActivityQuery;
import org.evergreen.catalog.internal.RedemptionActivityQuery.RedemptionLine;
import org.evergreen.ledger.ActivityDescriber;
import org.evergreen.ledger.ActivityDescription;
import org.evergreen.ledger.ActivityItem;
import org.evergreen.ledger.EntryKind;
import org.evergreen.shared.i18n.SupportedLocales;
import org.evergreen.shared.i18n.Translations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Names a member's redemptions in their activity: the reward, and where the redemption stands, on the line that
 * held its points; the reward again on the lines that gave them back or paid compensation.
 */
@Component
class RedemptionActivity implements ActivityDescriber {

    private static final String ROUTE = "member/redemptions";

    private final RedemptionActivityQuery redemptions;
    private final Translations translations;

    RedemptionActivity(RedemptionActivityQuery redemptions, Translations translations) {
        this.redemptions = redemptions;
        this.translations = translations;
    }

    @Override
    public Map<Long, ActivityDescription> describe(long memberId, List<ActivityItem> items, Locale locale) {
        List<RedemptionLine> found = redemptions.ofMember(memberId,
                items.stream().map(RedemptionActivity::heldOrReleased).filter(Objects::nonNull).distinct().toList(),
                items.stream().map(item -> item.subjectId("redemption:")).filter(Objects::nonNull).distinct().toList());
        Map<Long, RedemptionLine> byHold = new HashMap<>();
        Map<Long, RedemptionLine> byId = new HashMap<>();
        found.forEach(line -> {
            byHold.put(line.holdId(), line);
            byId.put(line.id(), line);
        });
        Map<Long, ActivityDescription> described = new HashMap<>();
        for (ActivityItem item : items) {
            Long holdId = heldOrReleased(item);
            Long redemptionId = item.subjectId("redemption:");
            RedemptionLine redemption = holdId != null ? byHold.get(holdId) : redemptionId != null ? byId.get(redemptionId) : null;
            if (redemption == null) {
                continue;
            }
            String reward = SupportedLocales.pick(locale, redemption.rewardNameZh(), redemption.rewardNameEn())
                    + (redemption.quantity() > 1 ? " ×" + redemption.quantity() : "");
            String titleKey = switch (item.kind()) {
                case HOLD -> "activity.redemption";
                case RELEASE -> "activity.redemption.returned";
                case COMPENSATION -> "activity.redemption.compensation";
                default -> null;
            };
            if (titleKey == null) {
                continue;
            }
            String note = item.kind() == EntryKind.COMPENSATION ? null
                    : translations.getTranslation("activity.redemption.status." + redemption.status().name(), locale);
            described.put(item.entryId(), new ActivityDescription(translations.getTranslation(titleKey, locale, reward), note, ROUTE));
        }
        return described;
    }

    /** The hold a line placed (a redemption's points held) or gave back (a cancellation or expiry). */
    private static @Nullable Long heldOrReleased(ActivityItem item) {
        return item.holdId() != null ? item.holdId() : item.subjectId("hold:");
    }
}
