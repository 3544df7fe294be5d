package org.evergreen.compliance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.compliance.CaseStatus;
import org.evergreen.compliance.Cases;
import org.evergreen.compliance.PointsCase;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.MemberHomeCard;

import java.util.List;
import java.util.Optional;

/**
 * Tells a member, first thing on their home page, that points of theirs are frozen under a case: why, how many, and
 * until when they may appeal, with the way to the case.
 */
@org.springframework.stereotype.Component
class CaseHomeCard implements MemberHomeCard {

    private final Cases cases;
    private final DisplayFormats formats;

    CaseHomeCard(Cases cases, DisplayFormats formats) {
        this.cases = cases;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        List<PointsCase> frozen = cases.mine().stream().filter(found -> found.status() == CaseStatus.FROZEN).toList();
        if (frozen.isEmpty()) {
            return Optional.empty();
        }
        Div card = new Div(new H3(ui.getTranslation("cases.home.title")));
        card.addClassNames("card", "home-card", "home-cases");
        for (PointsCase found : frozen) {
            Paragraph line = new Paragraph(ui.getTranslation("cases.home.line", found.reference(), found.points(),
                    ui.getTranslation("case.behaviour." + found.behaviour().name()), found.summary(),
                    found.appealUntil() == null ? "—" : formats.dateTime(found.appealUntil(), ui.getLocale())));
            line.addClassName("home-case");
            card.add(line);
        }
        card.add(new Anchor("member/cases", ui.getTranslation("cases.home.open")));
        return Optional.of(card);
    }
}
