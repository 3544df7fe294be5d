package org.evergreen.merchant.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.MerchantSummary;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;

/** The merchant's start page: the business as the coalition knows it, and its stores. */
@Route("merchant")
@Menu(title = "nav.merchant.home", order = 1, icon = "vaadin:shop")
@RolesAllowed(Roles.MERCHANT)
class MerchantHomeView extends VerticalLayout implements HasDynamicTitle {

    MerchantHomeView(MerchantDirectory directory, DisplayFormats formats) {
        addClassName("merchant-home-view");
        MerchantSummary merchant = directory.myMerchant();
        Div card = new Div(
                new Fact(getTranslation("merchant.category"), getTranslation("merchant.category." + merchant.category().name())),
                new Fact(getTranslation("merchant.creditCode"), merchant.unifiedCreditCode()),
                new Fact(getTranslation("merchant.storeCount"), formats.number(merchant.storeCount(), getLocale())));
        card.addClassName("card");

        Grid<StoreSummary> stores = new Grid<>();
        stores.addClassName("store-grid");
        stores.addColumn(store -> store.name(getLocale())).setHeader(getTranslation("store.name"));
        stores.addColumn(store -> store.city(getLocale())).setHeader(getTranslation("store.city"));
        stores.addColumn(StoreSummary::address).setHeader(getTranslation("store.address")).setFlexGrow(2);
        stores.setItems(directory.myStores().stream().filter(StoreSummary::open).toList());
        stores.setAllRowsVisible(true);

        add(new H2(merchant.name(getLocale())), card, new H3(getTranslation("merchant.stores")), stores);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.home");
    }
}
