package org.evergreen.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.MemberPoints;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.MemberHomeCard;

import java.util.Locale;
import java.util.Optional;

/** The first thing on the member's home page: the points they can spend, what is held or frozen, and what expires next. */
@org.springframework.stereotype.Component
class PointsHomeCard implements MemberHomeCard {

    private final Ledger ledger;
    private final DisplayFormats formats;

    PointsHomeCard(Ledger ledger, DisplayFormats formats) {
        this.ledger = ledger;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        MemberPoints points = ledger.myPoints(MemberPointsView.EXPIRY_WINDOW);
        Fact available = new Fact(ui.getTranslation("points.available"), formats.number(points.available(), locale));
        available.addClassName("points-available");
        available.addClassName("home-headline");
        Div card = new Div(available);
        card.addClassNames("card", "home-card", "home-points");
        Div others = new Div(fact(ui, "points.held", points.held(), "points-held", locale),
                fact(ui, "points.frozen", points.frozen(), "points-frozen", locale));
        others.addClassName("home-points-others");
        card.add(others);
        points.expiring().stream().findFirst().ifPresent(soonest -> {
            Paragraph expiring = new Paragraph(ui.getTranslation("points.expiresOn", soonest.amount(), formats.date(soonest.expiresAt(), locale)));
            expiring.addClassName("home-expiring");
            card.add(expiring);
        });
        card.add(new Anchor("member/points", ui.getTranslation("home.points.all")));
        return Optional.of(card);
    }

    private Fact fact(UI ui, String labelKey, long value, String className, Locale locale) {
        Fact fact = new Fact(ui.getTranslation(labelKey), formats.number(value, locale));
        fact.addClassName(className);
        return fact;
    }
}
