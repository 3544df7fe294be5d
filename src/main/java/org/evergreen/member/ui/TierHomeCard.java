package org.evergreen.member.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.evergreen.member.MemberProfile;
import org.evergreen.member.MemberProfiles;
import org.evergreen.member.Tier;
import org.evergreen.member.TierThresholds;
import org.evergreen.member.Tiers;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.MemberHomeCard;

import java.math.BigDecimal;
import java.util.Optional;

/** The member's tier on their home page: the spend that earned it and a bar towards the next one. */
@org.springframework.stereotype.Component
class TierHomeCard implements MemberHomeCard {

    private final MemberProfiles profiles;
    private final Tiers tiers;

    TierHomeCard(MemberProfiles profiles, Tiers tiers) {
        this.profiles = profiles;
        this.tiers = tiers;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        MemberProfile profile = profiles.myProfile();
        TierThresholds thresholds = tiers.thresholds();
        Fact tier = new Fact(ui.getTranslation("member.home.tier"), ui.getTranslation("tier." + profile.tier().name()));
        tier.addClassName("home-tier");
        BigDecimal spend = profile.qualifyingSpend();
        Div card = new Div(tier, new Fact(ui.getTranslation("member.home.spend"), DisplayFormats.money(spend, "CNY")));
        card.addClassNames("card", "home-card", "home-tier-card");
        Paragraph next;
        if (spend.compareTo(thresholds.goldSpend()) >= 0) {
            next = new Paragraph(ui.getTranslation("member.home.topTier"));
        } else {
            boolean towardsGold = spend.compareTo(thresholds.silverSpend()) >= 0;
            BigDecimal target = towardsGold ? thresholds.goldSpend() : thresholds.silverSpend();
            ProgressBar progress = new ProgressBar(0, target.doubleValue(), spend.doubleValue());
            progress.addClassName("tier-progress");
            card.add(progress);
            next = new Paragraph(ui.getTranslation("member.home.nextTier", DisplayFormats.plain(target.subtract(spend)),
                    ui.getTranslation("tier." + (towardsGold ? Tier.GOLD : Tier.SILVER).name())));
        }
        next.addClassName("next-tier");
        card.add(next);
        return Optional.of(card);
    }
}
