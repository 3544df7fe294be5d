package org.evergreen.compliance.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.Cases;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** Every case with its evidence, timeline and outcome, for regulators to read. */
@Route("regulator/cases")
@Menu(title = "nav.cases", order = 2.2, icon = "vaadin:gavel")
@RolesAllowed(Roles.REGULATOR)
class RegulatorCasesView extends VerticalLayout implements HasDynamicTitle {

    RegulatorCasesView(Cases cases, DisplayFormats formats) {
        addClassName("regulator-cases");
        setSizeFull();
        add(new Paragraph(getTranslation("cases.regulatorIntro")), new CaseList(cases, formats, "regulator/case"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases");
    }
}
