package org.evergreen.ledger.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.evergreen.ledger.ActivityDescription;
import org.evergreen.ledger.ActivityLine;
import org.evergreen.shared.i18n.DisplayFormats;

import java.util.Locale;

/** One line of a member's activity as a consumer app shows it: what happened and when on the left, the points on the right. */
class ActivityRow extends Div {

    ActivityRow(ActivityLine line, DisplayFormats formats, Locale locale) {
        addClassName("activity-row");
        ActivityDescription description = line.description();
        HtmlContainer title = description.route() != null
                ? new Anchor(description.route(), description.title()) : new Span(description.title());
        title.addClassName("activity-title");
        Div detail = new Div(new Span(formats.dateTime(line.item().createdAt(), locale)));
        detail.addClassName("activity-detail");
        if (description.note() != null) {
            Span note = new Span(description.note());
            note.addClassName("activity-note");
            detail.add(note);
        }
        Div what = new Div(title, detail);
        what.addClassName("activity-what");
        long points = line.item().points();
        Span amount = new Span((points > 0 ? "+" : "") + formats.number(points, locale));
        amount.addClassName("activity-points");
        amount.addClassName(points > 0 ? "points-in" : "points-out");
        add(what, amount);
    }
}
