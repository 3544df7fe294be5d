package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.ActionLog;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The administrative action log in the admin portal: admins see their own and each other's changes. */
@Route("admin/action-log")
@Menu(title = "nav.actionLog", order = 6.5, icon = "vaadin:records")
@RolesAllowed(Roles.ADMIN)
class AdminActionLogView extends ActionLogPage {

    AdminActionLogView(ActionLog log, DisplayFormats formats) {
        super(log, formats);
    }
}
