package org.evergreen.green.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One headline figure of a green page: its label, the figure large, and a note under it (a comparison, a detail). */
class FigureCard extends Div {

    FigureCard(String className, String label, String value, String note) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("impact-card-label");
        Span valueSpan = new Span(value);
        valueSpan.addClassName("impact-card-value");
        add(labelSpan, valueSpan);
        if (!note.isEmpty()) {
            Span noteSpan = new Span(note);
            noteSpan.addClassName("impact-card-note");
            add(noteSpan);
        }
        addClassNames("card", "impact-card", className);
    }
}
