package org.evergreen.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names what a member's movements concern. The ledger knows references ({@code purchase:812}, {@code reward:3});
 * the feature that owns a reference knows the merchant, the reward or the household behind it, in both languages.
 * Each feature describes the lines it recognises and leaves the others out.
 */
public interface ActivityDescriber {

    /**
     * @param memberId whose activity it is; a describer reveals only what belongs to this member
     * @return descriptions by {@link ActivityItem#entryId()}
     */
    Map<Long, ActivityDescription> describe(long memberId, List<ActivityItem> items, Locale locale);
}
