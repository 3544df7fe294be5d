package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.compliance.Anomalies;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** What the monitors found, for regulators to read. */
@Route("regulator/anomalies")
@Menu(title = "nav.anomalies", order = 2.3, icon = "vaadin:warning")
@RolesAllowed(Roles.REGULATOR)
class RegulatorAnomaliesView extends AnomaliesPage {

    RegulatorAnomaliesView(Anomalies anomalies, MerchantDirectory merchants, DisplayFormats formats) {
        super(anomalies, merchants, formats, false);
    }
}
