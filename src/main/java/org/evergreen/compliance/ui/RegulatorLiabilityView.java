package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.PointsLiability;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The points liability in the regulator portal. */
@Route("regulator/liability")
@Menu(title = "nav.liability", order = 2.8, icon = "vaadin:scale")
@RolesAllowed(Roles.REGULATOR)
class RegulatorLiabilityView extends PointsLiabilityPage {

    RegulatorLiabilityView(PointsLiability liability, DisplayFormats formats) {
        super(liability, formats);
    }
}
