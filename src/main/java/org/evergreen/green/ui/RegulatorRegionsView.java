package org.evergreen.green.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.green.RegionalMonitoring;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The regional dashboard in the regulator's workspace. */
@Route("regulator/regions")
@Menu(title = "nav.regions", order = 3.5, icon = "vaadin:map-marker")
@RolesAllowed(Roles.REGULATOR)
class RegulatorRegionsView extends RegionalDashboard {

    RegulatorRegionsView(RegionalMonitoring monitoring, DisplayFormats formats) {
        super(monitoring, formats);
    }
}
