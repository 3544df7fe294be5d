package org.evergreen.compliance.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.earning.Conformance;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** Disclosed against actual, in the regulator portal. */
@Route("regulator/conformance")
@Menu(title = "nav.conformance", order = 2.9, icon = "vaadin:check-square-o")
@RolesAllowed(Roles.REGULATOR)
class RegulatorConformanceView extends ConformancePage {

    RegulatorConformanceView(Conformance conformance, MerchantDirectory merchants, DisplayFormats formats) {
        super(conformance, merchants, formats);
    }
}
