package org.evergreen.compliance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import org.evergreen.compliance.Cases;
import org.evergreen.shared.i18n.DisplayFormats;

/** One case on its own page, for admins (who act on it) or regulators (who read it). */
abstract class CaseView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final Cases cases;
    private final DisplayFormats formats;
    private final CasePanel.Reader reader;
    private final String listPath;

    CaseView(Cases cases, DisplayFormats formats, CasePanel.Reader reader, String listPath) {
        this.cases = cases;
        this.formats = formats;
        this.reader = reader;
        this.listPath = listPath;
    }

    @Override
    public void setParameter(BeforeEvent event, Long caseId) {
        removeAll();
        add(new Anchor(listPath, getTranslation("cases.back")), new CasePanel(cases, formats, reader, caseId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases");
    }
}
