package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.AuditTrail;
import org.evergreen.ledger.Ledger;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The audit trail in the regulator's workspace: read-only, as everything a regulator sees. */
@Route("regulator/audit-trail")
@Menu(title = "nav.regulator.auditTrail", order = 2, icon = "vaadin:search")
@RolesAllowed(Roles.REGULATOR)
class AuditTrailView extends AuditTrailPage {

    AuditTrailView(AuditTrail trail, Ledger ledger, MerchantDirectory merchants, DisplayFormats formats) {
        super(trail, ledger, merchants, formats, "regulator/case");
    }
}
