package org.evergreen.compliance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.evergreen.compliance.Cases;
import org.evergreen.compliance.PointsCase;
import org.evergreen.shared.i18n.DisplayFormats;

/** Every case, newest first, a page at a time from the database; a case opens on its own page. */
class CaseList extends VerticalLayout {

    static final int PAGE = 50;

    CaseList(Cases cases, DisplayFormats formats, String casePath) {
        Grid<PointsCase> grid = new Grid<>();
        Button more = new Button();
        setPadding(false);
        grid.addClassName("case-grid");
        grid.addColumn(PointsCase::reference).setHeader(getTranslation("cases.reference")).setAutoWidth(true);
        grid.addColumn(found -> formats.dateTime(found.openedAt(), getLocale())).setHeader(getTranslation("cases.openedAt")).setAutoWidth(true);
        grid.addColumn(found -> getTranslation("case.behaviour." + found.behaviour().name())).setHeader(getTranslation("cases.behaviour"));
        grid.addColumn(found -> formats.number(found.points(), getLocale())).setHeader(getTranslation("cases.points"));
        grid.addColumn(found -> getTranslation("case.status." + found.status().name())).setHeader(getTranslation("cases.status"));
        grid.setEmptyStateText(getTranslation("cases.empty"));
        grid.addItemClickListener(click -> UI.getCurrent().navigate(casePath + "/" + click.getItem().id()));
        more.setText(getTranslation("audit.more"));
        add(grid, more);
        new NewestFirst<>(grid, more, PAGE, cases::page, PointsCase::id);
    }
}
