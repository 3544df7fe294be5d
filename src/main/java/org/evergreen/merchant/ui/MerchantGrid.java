package org.evergreen.merchant.ui;

import com.vaadin.flow.component.grid.Grid;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.MerchantSummary;
import org.evergreen.shared.i18n.DisplayFormats;

/** The coalition's merchants, paged lazily from the database. */
class MerchantGrid extends Grid<MerchantSummary> {

    MerchantGrid(MerchantDirectory directory, DisplayFormats formats) {
        addClassName("merchant-grid");
        addColumn(merchant -> merchant.name(getLocale())).setHeader(getTranslation("merchant.name")).setFlexGrow(2);
        addColumn(merchant -> getTranslation("merchant.category." + merchant.category().name()))
                .setHeader(getTranslation("merchant.category"));
        addColumn(MerchantSummary::unifiedCreditCode).setHeader(getTranslation("merchant.creditCode"));
        addColumn(merchant -> formats.number(merchant.storeCount(), getLocale())).setHeader(getTranslation("merchant.storeCount"));
        addColumn(merchant -> formats.date(merchant.joinedAt(), getLocale())).setHeader(getTranslation("merchant.joined"));
        setItems(query -> directory.page(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(directory.count()));
    }
}
