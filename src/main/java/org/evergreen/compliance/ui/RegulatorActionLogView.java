package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.ActionLog;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The administrative action log in the regulator's workspace. */
@Route("regulator/action-log")
@Menu(title = "nav.actionLog", order = 2.5, icon = "vaadin:records")
@RolesAllowed(Roles.REGULATOR)
class RegulatorActionLogView extends ActionLogPage {

    RegulatorActionLogView(ActionLog log, DisplayFormats formats) {
        super(log, formats);
    }
}
