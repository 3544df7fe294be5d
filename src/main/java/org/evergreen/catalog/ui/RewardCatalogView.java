package org.evergreen.catalog.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.Roles;
import org.evergreen.shared.ui.PlannedFeatureView;

/** Place of a view that issue #5 builds; it says so to whoever opens it. */
@Route("member/rewards")
@Menu(title = "nav.member.rewards", order = 3, icon = "vaadin:gift")
@RolesAllowed(Roles.MEMBER)
class RewardCatalogView extends PlannedFeatureView {

    RewardCatalogView() {
        super("nav.member.rewards", "planned.catalog", 5);
    }
}
