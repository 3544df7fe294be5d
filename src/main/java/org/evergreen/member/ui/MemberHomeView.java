package org.evergreen.member.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.catalog.PointValue;
import org.evergreen.member.MemberProfile;
import org.evergreen.member.MemberProfiles;
import org.evergreen.member.Tier;
import org.evergreen.member.TierThresholds;
import org.evergreen.member.Tiers;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.QrCodeImage;
import org.evergreen.member.OneTimeCode;
import org.evergreen.member.OneTimeCodes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;

import java.math.BigDecimal;

/** The member's start page: who they are on the platform, their tier and what the next one takes, and the number that identifies them at tills. */
@Route("member")
@Menu(title = "nav.member.home", order = 1, icon = "vaadin:home")
@RolesAllowed(Roles.MEMBER)
class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    MemberHomeView(MemberProfiles profiles, Tiers tiers, OneTimeCodes codes, CatalogPolicies catalogPolicies, CurrentUser currentUser,
                   DisplayFormats formats) {
        addClassName("member-home-view");
        // Every member is told of a change of the point's value before it applies.
        for (PointValue upcoming : catalogPolicies.upcomingValues()) {
            Paragraph notice = new Paragraph(getTranslation("catalog.valueNotice", formats.date(upcoming.effectiveFrom(), getLocale()),
                    DisplayFormats.plain(catalogPolicies.currentValue().yuanPerPoint()),
                    DisplayFormats.plain(upcoming.yuanPerPoint())));
            notice.addClassName("value-notice");
            add(notice);
        }
        MemberProfile profile = profiles.myProfile();
        add(new H2(getTranslation("member.home.greeting", currentUser.require().displayName())));
        Fact memberNumber = new Fact(getTranslation("member.home.memberNumber"), profile.memberNumber());
        memberNumber.addClassName("member-number");
        Div card = new Div(memberNumber,
                new Fact(getTranslation("member.home.tier"), getTranslation("tier." + profile.tier().name())),
                new Fact(getTranslation("member.home.joined"), formats.date(profile.joinedAt(), getLocale())),
                new Fact(getTranslation("member.home.spend"), "¥" + profile.qualifyingSpend().toPlainString()));
        card.addClassName("card");
        Paragraph nextTier = new Paragraph(nextTier(profile, tiers.thresholds()));
        nextTier.addClassName("next-tier");
        card.add(nextTier);

        Div codePanel = new Div();
        codePanel.addClassName("one-time-code");
        Button showCode = new Button(getTranslation("member.code.show"), click -> {
            OneTimeCode code = codes.issueForMe();
            codePanel.removeAll();
            Fact digits = new Fact(getTranslation("member.code.label"), code.code().replaceAll("(\\d{5})(\\d{5})", "$1 $2"));
            digits.addClassName("one-time-code-digits");
            codePanel.add(new QrCodeImage(code.code(), getTranslation("member.code.label")), digits,
                    new Paragraph(getTranslation("member.code.validUntil", formats.dateTime(code.expiresAt(), getLocale()))));
        });
        showCode.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(card, showCode, codePanel);
    }

    /** How much more spend the next tier takes, from the thresholds in force. */
    private String nextTier(MemberProfile profile, TierThresholds thresholds) {
        BigDecimal spend = profile.qualifyingSpend();
        if (spend.compareTo(thresholds.goldSpend()) >= 0) {
            return getTranslation("member.home.topTier");
        }
        boolean towardsGold = spend.compareTo(thresholds.silverSpend()) >= 0;
        BigDecimal missing = (towardsGold ? thresholds.goldSpend() : thresholds.silverSpend()).subtract(spend);
        return getTranslation("member.home.nextTier", DisplayFormats.plain(missing),
                getTranslation("tier." + (towardsGold ? Tier.GOLD : Tier.SILVER).name()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.home");
    }
}
