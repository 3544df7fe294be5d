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

/** The cases an owner's merchant opened on its own purchases, and where each stands; the platform's admins decide them. */
@Route("merchant/cases")
@Menu(title = "nav.cases", order = 7, icon = "vaadin:gavel")
@RolesAllowed(Roles.MERCHANT_OWNER)
class MerchantCasesView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 50;

    MerchantCasesView(Cases cases, DisplayFormats formats) {
        addClassName("merchant-cases");
        List<PointsCase> opened = cases.openedByMyMerchant(null, SHOWN);
        add(new Paragraph(getTranslation(opened.isEmpty() ? "cases.merchant.none" : "cases.merchant.intro")));
        opened.forEach(found -> add(new CasePanel(cases, formats, CasePanel.Reader.REGULATOR, found.id())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases");
    }
}
