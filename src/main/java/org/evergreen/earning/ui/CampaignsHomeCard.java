package org.evergreen.earning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.earning.Campaign;
import org.evergreen.earning.Campaigns;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.MemberHomeCard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The campaigns running now where the member shops, on their home page, with the way to every disclosed rule. */
@org.springframework.stereotype.Component
class CampaignsHomeCard implements MemberHomeCard {

    static final int SHOWN = 3;

    private final Campaigns campaigns;
    private final MerchantDirectory merchants;
    private final DisplayFormats formats;

    CampaignsHomeCard(Campaigns campaigns, MerchantDirectory merchants, DisplayFormats formats) {
        this.campaigns = campaigns;
        this.merchants = merchants;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        List<Campaign> running = campaigns.runningWhereIShop(SHOWN);
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, PublicMerchant> names = merchants.publicMerchants(running.stream().map(Campaign::merchantId)
                .filter(Objects::nonNull).distinct().toList());
        RuleTexts texts = new RuleTexts(ui, formats);
        Div card = new Div(new H3(ui.getTranslation("home.campaigns")));
        card.addClassNames("card", "home-card", "home-campaigns");
        for (Campaign campaign : running) {
            PublicMerchant merchant = names.get(campaign.merchantId());
            Paragraph line = new Paragraph((merchant == null ? "" : merchant.name(ui.getLocale()) + " · ") + texts.describe(campaign));
            line.addClassName("home-campaign");
            card.add(line);
        }
        card.add(new Anchor("rules", ui.getTranslation("home.campaigns.rules")));
        return Optional.of(card);
    }
}
