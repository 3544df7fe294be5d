package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.Cases;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** A case on its own page in the regulator portal. */
@Route("regulator/case")
@RolesAllowed(Roles.REGULATOR)
class RegulatorCaseView extends CaseView {

    RegulatorCaseView(Cases cases, DisplayFormats formats) {
        super(cases, formats, CasePanel.Reader.REGULATOR, "regulator/cases");
    }
}
