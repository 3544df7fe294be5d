package org.evergreen.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled value on a summary card, e.g. "Member number 912345678903". */
public class Fact extends Div {

    private final Span value;

    public Fact(String label, String value) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("fact-label");
        this.value = new Span(value);
        this.value.addClassName("fact-value");
        addClassName("fact");
        add(labelSpan, this.value);
    }

    public String value() {
        return value.getText();
    }
}
