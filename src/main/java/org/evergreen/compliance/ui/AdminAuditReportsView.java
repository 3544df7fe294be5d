package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.AuditReportFiles;
import org.evergreen.compliance.AuditReports;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** Audit reports, in the admin portal. */
@Route("admin/audit-reports")
@Menu(title = "nav.auditReports", order = 2.75, icon = "vaadin:file-text-o")
@RolesAllowed(Roles.ADMIN)
class AdminAuditReportsView extends AuditReportPage {

    AdminAuditReportsView(AuditReports reports, AuditReportFiles files, MerchantDirectory merchants, DisplayFormats formats) {
        super(reports, files, merchants, formats);
    }
}
