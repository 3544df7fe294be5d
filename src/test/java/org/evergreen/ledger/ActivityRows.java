package org.evergreen.ledger;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;

import java.util.List;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/** Reads the member's activity grid as the member reads it, for the Karibu tests of every feature that names its lines. */
public final class ActivityRows {

    private ActivityRows() {
    }

    @SuppressWarnings("unchecked")
    public static Grid<ActivityLine> grid() {
        return _get(Grid.class, spec -> spec.withClasses("points-activity"));
    }

    public static Component line(Grid<ActivityLine> activity, int row) {
        return GridKt._getCellComponent(activity, row, "line");
    }

    /** The line's title, its note (when it has one) and its points. */
    public static List<String> row(Grid<ActivityLine> activity, int row) {
        Component line = line(activity, row);
        return Stream.of("activity-title", "activity-note", "activity-points")
                .flatMap(part -> _find(line, Component.class, spec -> spec.withClasses(part)).stream())
                .map(part -> part.getElement().getText()).toList();
    }
}
