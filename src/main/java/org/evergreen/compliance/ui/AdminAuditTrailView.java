package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.AuditTrail;
import org.evergreen.ledger.Ledger;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The same audit trail in the admin portal, where fraud cases start from the entries it shows. */
@Route("admin/audit-trail")
@Menu(title = "nav.regulator.auditTrail", order = 6, icon = "vaadin:search")
@RolesAllowed(Roles.ADMIN)
class AdminAuditTrailView extends AuditTrailPage {

    AdminAuditTrailView(AuditTrail trail, Ledger ledger, MerchantDirectory merchants, DisplayFormats formats) {
        super(trail, ledger, merchants, formats, "admin/case");
    }
}
