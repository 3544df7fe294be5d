package org.evergreen.ledger;

import org.evergreen.ledger.internal.AccountDirectory;
import org.evergreen.ledger.internal.LedgerQueries;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.shared.i18n.Translations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A member's points as a feed: one line per thing that happened to them, in words. A redemption's hold is one line
 * (its completion changes nothing the member can spend and is told by the hold's status), and the merchant's points
 * and the platform's bonus of one purchase are one line. The postings behind every line stay in the ledger, where
 * admins and regulators read them account by account.
 */
@Service
public class MemberActivity {

    private final LedgerQueries queries;
    private final AccountDirectory accounts;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final ObjectProvider<ActivityDescriber> describers;

    MemberActivity(LedgerQueries queries, AccountDirectory accounts, CurrentUser currentUser, Translations translations,
                   ObjectProvider<ActivityDescriber> describers) {
        this.queries = queries;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.translations = translations;
        this.describers = describers;
    }

    /** The signed-in member's lines in [from, to) (nulls: any time), newest first. */
    @PreAuthorize("hasRole('MEMBER')")
    public List<ActivityLine> mine(@Nullable Instant from, @Nullable Instant to, int offset, int limit, Locale locale) {
        long memberId = currentUser.require(Role.MEMBER).id();
        Long wallet = accounts.existingAccountId(AccountType.MEMBER_WALLET, memberId);
        if (wallet == null) {
            return List.of();
        }
        List<ActivityItem> items = queries.activity(wallet, accountOrNone(AccountType.MEMBER_HELD, memberId),
                accountOrNone(AccountType.MEMBER_FROZEN, memberId), from, to, offset, limit);
        Map<Long, ActivityDescription> described = new HashMap<>();
        describers.orderedStream().forEach(describer -> described.putAll(describer.describe(memberId, items, locale)));
        return items.stream().map(item -> new ActivityLine(item,
                described.getOrDefault(item.entryId(), plainDescription(item, locale)))).toList();
    }

    @PreAuthorize("hasRole('MEMBER')")
    public long myCount(@Nullable Instant from, @Nullable Instant to) {
        long memberId = currentUser.require(Role.MEMBER).id();
        Long wallet = accounts.existingAccountId(AccountType.MEMBER_WALLET, memberId);
        return wallet == null ? 0 : queries.activityCount(wallet, accountOrNone(AccountType.MEMBER_HELD, memberId), from, to);
    }

    private long accountOrNone(AccountType type, long memberId) {
        Long account = accounts.existingAccountId(type, memberId);
        return account == null ? 0 : account;
    }

    /** The reason in words, and the case when there is one: enough for an expiry, a freeze or a correction. */
    private ActivityDescription plainDescription(ActivityItem item, Locale locale) {
        String reasonKey = "ledger.reason." + item.reason();
        String title = translations.hasTranslation(reasonKey, locale) ? translations.getTranslation(reasonKey, locale)
                : translations.getTranslation("points.kind." + item.kind().name(), locale);
        String note = item.caseReference() == null ? null : translations.getTranslation("points.case", locale, item.caseReference());
        return new ActivityDescription(title, note, null);
    }
}
