package org.evergreen.ledger.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.Roles;
import org.evergreen.shared.ui.PlannedFeatureView;

/** Place of a view that issue #3 builds; it says so to whoever opens it. */
@Route("admin/integrity")
@Menu(title = "nav.admin.integrity", order = 3, icon = "vaadin:shield")
@RolesAllowed(Roles.ADMIN)
class IntegrityReportView extends PlannedFeatureView {

    IntegrityReportView() {
        super("nav.admin.integrity", "planned.integrity", 3);
    }
}
