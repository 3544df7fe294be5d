package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.Roles;
import org.evergreen.shared.ui.PlannedFeatureView;

/** Place of a view that issue #3 builds; it says so to whoever opens it. */
@Route("regulator/audit-trail")
@Menu(title = "nav.regulator.auditTrail", order = 2, icon = "vaadin:search")
@RolesAllowed(Roles.REGULATOR)
class AuditTrailView extends PlannedFeatureView {

    AuditTrailView() {
        super("nav.regulator.auditTrail", "planned.auditTrail", 3);
    }
}
