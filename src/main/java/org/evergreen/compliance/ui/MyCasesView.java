package org.evergreen.compliance.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.Cases;
import org.evergreen.compliance.PointsCase;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

import java.util.List;

/** A member's cases: why points were frozen, the evidence summary, where it stands, and the way to appeal. */
@Route("member/cases")
@Menu(title = "nav.member.cases", order = 9, icon = "vaadin:gavel")
@RolesAllowed(Roles.MEMBER)
class MyCasesView extends VerticalLayout implements HasDynamicTitle {

    MyCasesView(Cases cases, DisplayFormats formats) {
        addClassName("my-cases");
        List<PointsCase> mine = cases.mine();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("cases.mine.none")));
            return;
        }
        add(new Paragraph(getTranslation("cases.mine.intro")));
        mine.forEach(found -> add(new CasePanel(cases, formats, CasePanel.Reader.MEMBER, found.id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.cases");
    }
}
