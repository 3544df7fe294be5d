package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.PointsLiability;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The points liability in the admin portal. */
@Route("admin/liability")
@Menu(title = "nav.liability", order = 6.8, icon = "vaadin:scale")
@RolesAllowed(Roles.ADMIN)
class AdminLiabilityView extends PointsLiabilityPage {

    AdminLiabilityView(PointsLiability liability, DisplayFormats formats) {
        super(liability, formats);
    }
}
