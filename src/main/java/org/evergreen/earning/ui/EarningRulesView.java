package org.evergreen.earning.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.Roles;
import org.evergreen.shared.ui.PlannedFeatureView;

/** Place of a view that issue #4 builds; it says so to whoever opens it. */
@Route("merchant/rules")
@Menu(title = "nav.merchant.rules", order = 2, icon = "vaadin:calc")
@RolesAllowed(Roles.MERCHANT)
class EarningRulesView extends PlannedFeatureView {

    EarningRulesView() {
        super("nav.merchant.rules", "planned.earningRules", 4);
    }
}
