package org.evergreen.green.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.green.RegionalMonitoring;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The regional dashboard in the platform admins' portal. */
@Route("admin/regions")
@Menu(title = "nav.regions", order = 3.5, icon = "vaadin:map-marker")
@RolesAllowed(Roles.ADMIN)
class AdminRegionsView extends RegionalDashboard {

    AdminRegionsView(RegionalMonitoring monitoring, DisplayFormats formats) {
        super(monitoring, formats);
    }
}
