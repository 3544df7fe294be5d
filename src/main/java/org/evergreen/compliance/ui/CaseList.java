package org.evergreen.compliance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.evergreen.compliance.Cases;
import org.evergreen.compliance.PointsCase;
import org.evergreen.shared.i18n.DisplayFormats;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/** Every case, newest first, a page at a time from the database; a case opens on its own page. */
class CaseList extends VerticalLayout {

    static final int PAGE = 50;

    private final Cases cases;
    private final Grid<PointsCase> grid = new Grid<>();
    private final Button more = new Button();
    private final List<PointsCase> shown = new ArrayList<>();
    private @Nullable Long cursor;

    CaseList(Cases cases, DisplayFormats formats, String casePath) {
        this.cases = cases;
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
        more.addClickListener(click -> loadPage());
        add(grid, more);
        loadPage();
    }

    void reload() {
        shown.clear();
        cursor = null;
        loadPage();
    }

    private void loadPage() {
        List<PointsCase> page = cases.page(cursor, PAGE + 1);
        boolean hasMore = page.size() > PAGE;
        List<PointsCase> visible = hasMore ? page.subList(0, PAGE) : page;
        shown.addAll(visible);
        if (!visible.isEmpty()) {
            cursor = visible.getLast().id();
        }
        grid.setItems(shown);
        more.setVisible(hasMore);
    }
}
