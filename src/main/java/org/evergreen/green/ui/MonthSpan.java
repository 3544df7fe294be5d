package org.evergreen.green.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import org.evergreen.green.GreenAnalytics;
import org.evergreen.shared.ui.FormErrors;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The first and last month a green page covers, chosen among the last four years, the last twelve months at first;
 * {@code onChange} runs when the reader picks another month.
 */
class MonthSpan extends HorizontalLayout {

    private final Select<YearMonth> from = new Select<>();
    private final Select<YearMonth> until = new Select<>();

    MonthSpan(YearMonth now, String classPrefix, Runnable onChange) {
        List<YearMonth> months = new ArrayList<>();
        for (int back = 0; back < GreenAnalytics.MAX_MONTHS * 2; back++) {
            months.add(now.minusMonths(back));
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(getTranslation("analytics.monthPattern"), getLocale());
        for (Select<YearMonth> select : List.of(from, until)) {
            select.setItems(months);
            select.setItemLabelGenerator(format::format);
            select.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    onChange.run();
                }
            });
        }
        from.setLabel(getTranslation("analytics.from"));
        until.setLabel(getTranslation("analytics.until"));
        from.addClassName(classPrefix + "-from");
        until.addClassName(classPrefix + "-until");
        from.setValue(now.minusMonths(11));
        until.setValue(now);
        add(from, until);
    }

    YearMonth from() {
        return from.getValue();
    }

    YearMonth until() {
        return until.getValue();
    }

    /** Refusals of the span show under its last month. */
    void reportTo(FormErrors errors) {
        errors.field("until", until);
    }
}
