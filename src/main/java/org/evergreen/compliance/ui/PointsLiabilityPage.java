package org.evergreen.compliance.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.evergreen.compliance.PointsLiability;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/** The points the coalition owes its members, valued, and apart from it the cash members paid: two cards, never one sum. */
abstract class PointsLiabilityPage extends VerticalLayout implements HasDynamicTitle {

    PointsLiabilityPage(PointsLiability liability, DisplayFormats formats) {
        addClassName("points-liability");
        PointsLiability.Report report;
        try {
            report = liability.now();
        } catch (AccessDeniedException supervisedDistrictsOnly) {
            Paragraph refusal = new Paragraph(getTranslation("liability.supervisedOnly"));
            refusal.addClassName("liability-refused");
            add(refusal);
            return;
        }
        Div points = new Div(fact("liability.outstanding", formats.number(report.outstandingPoints(), getLocale()), "liability-points"),
                fact("liability.value", "¥" + DisplayFormats.plain(report.yuanPerPoint()), null),
                fact("liability.amount", DisplayFormats.money(report.liability(), "CNY"), "liability-amount"));
        report.pointsByAccount().forEach((type, amount) -> points.add(fact("liability.account." + type.name(), formats.number(amount, getLocale()),
                null)));
        points.addClassName("card");
        Div cash = new Div(fact("liability.cash", DisplayFormats.money(report.cashReceived(), "CNY"), "liability-cash"),
                fact("liability.cashPayments", formats.number(report.cashPayments(), getLocale()), null));
        cash.addClassName("card");
        add(new Paragraph(getTranslation("liability.intro", formats.dateTime(report.at(), getLocale()))),
                new H3(getTranslation("liability.pointsTitle")), points, new H3(getTranslation("liability.cashTitle")), cash);
    }

    private Fact fact(String key, String value, @Nullable String className) {
        Fact fact = new Fact(getTranslation(key), value);
        if (className != null) {
            fact.addClassName(className);
        }
        return fact;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.liability");
    }
}
