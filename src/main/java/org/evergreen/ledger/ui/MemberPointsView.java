package org.evergreen.ledger.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.Roles;
import org.evergreen.shared.ui.PlannedFeatureView;

/** Place of a view that issue #3 builds; it says so to whoever opens it. */
@Route("member/points")
@Menu(title = "nav.member.points", order = 2, icon = "vaadin:coin-piles")
@RolesAllowed(Roles.MEMBER)
class MemberPointsView extends PlannedFeatureView {

    MemberPointsView() {
        super("nav.member.points", "planned.points", 3);
    }
}
