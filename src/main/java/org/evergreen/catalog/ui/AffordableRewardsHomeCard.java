package org.evergreen.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.evergreen.catalog.CatalogFilter;
import org.evergreen.catalog.CatalogItem;
import org.evergreen.catalog.RewardPrice;
import org.evergreen.catalog.Rewards;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.MemberHomeCard;

import java.util.List;
import java.util.Optional;

/** What the member's points buy now, the dearest first, on their home page. */
@org.springframework.stereotype.Component
class AffordableRewardsHomeCard implements MemberHomeCard {

    static final int SHOWN = 4;

    private final Rewards rewards;
    private final DisplayFormats formats;

    AffordableRewardsHomeCard(Rewards rewards, DisplayFormats formats) {
        this.rewards = rewards;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        List<CatalogItem> affordable = rewards.browse(new CatalogFilter(null, null, null, true, false,
                CatalogFilter.CatalogSort.POINTS_DESCENDING), 0, SHOWN);
        if (affordable.isEmpty()) {
            return Optional.empty();
        }
        CatalogTexts texts = new CatalogTexts(ui, formats);
        Div card = new Div(new H3(ui.getTranslation("home.rewards")));
        card.addClassNames("card", "home-card", "home-rewards");
        for (CatalogItem reward : affordable) {
            Span price = new Span(price(texts, reward));
            price.addClassName("activity-points");
            Div row = new Div(new Anchor("member/rewards", reward.name(ui.getLocale()) + " · " + reward.merchant().name(ui.getLocale())),
                    price);
            row.addClassNames("activity-row", "home-reward");
            card.add(row);
        }
        card.add(new Anchor("member/rewards", ui.getTranslation("home.rewards.all")));
        return Optional.of(card);
    }

    /** The points price when the points pay for it; otherwise the points-and-cash option that they do pay for. */
    private static String price(CatalogTexts texts, CatalogItem reward) {
        RewardPrice price = reward.price();
        return reward.missingPoints() == 0 || !price.hasCashOption() ? texts.points(price.points())
                : texts.pointsAndCash(price.cashOptionPoints(), price.cashOptionAmount());
    }
}
