package org.evergreen.earning;

import org.evergreen.earning.internal.PurchaseActivityQuery;
import org.evergreen.earning.internal.PurchaseActivityQuery.PurchaseLine;
import org.evergreen.ledger.ActivityDescriber;
import org.evergreen.ledger.ActivityDescription;
import org.evergreen.ledger.ActivityItem;
import org.evergreen.ledger.EntryKind;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.i18n.Translations;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Names a member's purchases and refunds in their activity: the merchant, the amount, and the green points within. */
@Component
class PurchaseActivity implements ActivityDescriber {

    private static final String PURCHASE = "purchase:";

    private final PurchaseActivityQuery purchases;
    private final MerchantDirectory merchants;
    private final Translations translations;

    PurchaseActivity(PurchaseActivityQuery purchases, MerchantDirectory merchants, Translations translations) {
        this.purchases = purchases;
        this.merchants = merchants;
        this.translations = translations;
    }

    @Override
    public Map<Long, ActivityDescription> describe(long memberId, List<ActivityItem> items, Locale locale) {
        Map<Long, PurchaseLine> bought = purchases.ofMember(memberId, items.stream().map(item -> item.subjectId(PURCHASE))
                        .filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(PurchaseLine::id, Function.identity()));
        Map<Long, PublicMerchant> merchantsById = merchants.publicMerchants(bought.values().stream().map(PurchaseLine::merchantId)
                .distinct().toList());
        Map<Long, ActivityDescription> described = new HashMap<>();
        for (ActivityItem item : items) {
            Long purchaseId = item.subjectId(PURCHASE);
            PurchaseLine purchase = purchaseId == null ? null : bought.get(purchaseId);
            PublicMerchant merchant = purchase == null ? null : merchantsById.get(purchase.merchantId());
            if (merchant == null) {
                continue;
            }
            String route = "member/purchases/" + purchase.id();
            String name = merchant.name(locale);
            if (item.kind() == EntryKind.EARN) {
                String amount = DisplayFormats.money(purchase.total(), purchase.currency());
                String green = purchase.greenPoints() > 0
                        ? translations.getTranslation("activity.purchase.green", locale, purchase.greenPoints()) : null;
                described.put(item.entryId(), new ActivityDescription(
                        translations.getTranslation("activity.purchase", locale, name, amount), green, route));
            } else if (item.reversedReference() != null) {
                described.put(item.entryId(), new ActivityDescription(
                        translations.getTranslation("activity.refund", locale, name), null, route));
            }
        }
        return described;
    }
}
