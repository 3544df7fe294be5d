package org.evergreen.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * A grid of rows newest first, read a page at a time by id cursor: "more" reads the next page from the database and
 * shows only when there is one.
 */
final class NewestFirst<T> {

    private final Grid<T> grid;
    private final Button more;
    private final int pageSize;
    private final BiFunction<@Nullable Long, Integer, List<T>> pageBefore;
    private final ToLongFunction<T> idOf;
    private final List<T> shown = new ArrayList<>();
    private @Nullable Long cursor;

    NewestFirst(Grid<T> grid, Button more, int pageSize, BiFunction<@Nullable Long, Integer, List<T>> pageBefore, ToLongFunction<T> idOf) {
        this.grid = grid;
        this.more = more;
        this.pageSize = pageSize;
        this.pageBefore = pageBefore;
        this.idOf = idOf;
        more.addClickListener(click -> next());
        next();
    }

    private void next() {
        List<T> page = pageBefore.apply(cursor, pageSize + 1);
        boolean hasMore = page.size() > pageSize;
        List<T> visible = hasMore ? page.subList(0, pageSize) : page;
        shown.addAll(visible);
        if (!visible.isEmpty()) {
            cursor = idOf.applyAsLong(visible.getLast());
        }
        grid.setItems(shown);
        more.setVisible(hasMore);
    }
}
