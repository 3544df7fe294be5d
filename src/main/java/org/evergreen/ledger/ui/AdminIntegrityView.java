package org.evergreen.ledger.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.ledger.Ledger;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

/** The integrity report in the admin portal. */
@Route("admin/integrity")
@Menu(title = "nav.admin.integrity", order = 3, icon = "vaadin:shield")
@RolesAllowed(Roles.ADMIN)
class AdminIntegrityView extends IntegrityReportView {

    AdminIntegrityView(Ledger ledger, DisplayFormats formats, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        super(ledger, formats, executor, "nav.admin.integrity");
    }
}
