package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.Anomalies;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** Admins set the monitors' thresholds and review what they found. */
@Route("admin/anomalies")
@Menu(title = "nav.anomalies", order = 2.3, icon = "vaadin:warning")
@RolesAllowed(Roles.ADMIN)
class AdminAnomaliesView extends AnomaliesPage {

    AdminAnomaliesView(Anomalies anomalies, MerchantDirectory merchants, DisplayFormats formats) {
        super(anomalies, merchants, formats, true);
    }
}
