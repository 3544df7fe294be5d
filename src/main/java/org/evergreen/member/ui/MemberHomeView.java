package org.evergreen.member.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.catalog.PointValue;
import org.evergreen.member.MemberProfile;
import org.evergreen.member.MemberProfiles;
import org.evergreen.member.OneTimeCode;
import org.evergreen.member.OneTimeCodes;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.MemberHomeCard;
import org.evergreen.shared.ui.QrCodeImage;

import java.util.Comparator;
import java.util.List;

/**
 * The member's start page, read in two seconds: the points they can spend and what expires next, their green points,
 * their household's pool, their tier and the way to the next, the last few movements and what their points buy now;
 * then the code that identifies them at tills. Each feature contributes its own card.
 */
@Route("member")
@Menu(title = "nav.member.home", order = 1, icon = "vaadin:home")
@RolesAllowed(Roles.MEMBER)
class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    MemberHomeView(MemberProfiles profiles, OneTimeCodes codes, CatalogPolicies catalogPolicies, CurrentUser currentUser,
                   DisplayFormats formats, List<MemberHomeCard> cards) {
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
        Div home = new Div();
        home.addClassName("home-cards");
        cards.stream().sorted(Comparator.comparingInt(MemberHomeCard::order)).forEach(card -> card.create().ifPresent(home::add));

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
        Fact memberNumber = new Fact(getTranslation("member.home.memberNumber"), profile.memberNumber());
        memberNumber.addClassName("member-number");
        Div identity = new Div(memberNumber, new Fact(getTranslation("member.home.joined"), formats.date(profile.joinedAt(), getLocale())),
                showCode, codePanel);
        identity.addClassNames("card", "home-card", "home-identity");
        add(home, identity);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.home");
    }
}
