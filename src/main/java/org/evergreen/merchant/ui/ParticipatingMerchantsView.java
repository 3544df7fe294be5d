package org.evergreen.merchant.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;

/** The regulator's start page: every business that issues or accepts points in the coalition. */
@Route("regulator")
@Menu(title = "nav.regulator.merchants", order = 1, icon = "vaadin:institution")
@RolesAllowed(Roles.REGULATOR)
class ParticipatingMerchantsView extends VerticalLayout implements HasDynamicTitle {

    ParticipatingMerchantsView(MerchantDirectory directory, DisplayFormats formats) {
        addClassName("participating-merchants-view");
        setSizeFull();
        add(new MerchantGrid(directory, formats));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.regulator.merchants");
    }
}
