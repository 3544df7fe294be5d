package org.evergreen.green.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.evergreen.green.GreenReports;
import org.evergreen.green.ImpactFormats;
import org.evergreen.green.ImpactReport;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.i18n.Translations;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.MemberHomeCard;

import java.util.Optional;

/**
 * The member's green points apart from all their points, with the CO₂e their green purchases avoided, on the home
 * page; it opens the impact report. A member with no green purchase yet is shown where to find them.
 */
@org.springframework.stereotype.Component
class GreenPointsHomeCard implements MemberHomeCard {

    private final GreenReports reports;
    private final DisplayFormats formats;
    private final Translations translations;

    GreenPointsHomeCard(GreenReports reports, DisplayFormats formats, Translations translations) {
        this.reports = reports;
        this.formats = formats;
        this.translations = translations;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        ImpactReport.Figures allTime = reports.myReport(reports.currentYear()).allTime();
        Fact greenPoints = new Fact(ui.getTranslation("home.green.points"), formats.number(allTime.greenPoints(), ui.getLocale()));
        greenPoints.addClassName("home-green-points");
        Fact co2e = new Fact(ui.getTranslation("impact.co2e"), ImpactFormats.co2e(allTime.co2eGrams(), ui.getLocale(), translations));
        co2e.addClassName("home-green-co2e");
        Div card = new Div(greenPoints, co2e, new Anchor(allTime.greenPoints() > 0 ? "member/impact" : "green/methods",
                ui.getTranslation(allTime.greenPoints() > 0 ? "home.green.report" : "home.green.how")));
        card.addClassNames("card", "home-card", "home-green");
        return Optional.of(card);
    }
}
