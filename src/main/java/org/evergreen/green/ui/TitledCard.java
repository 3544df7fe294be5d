package org.evergreen.green.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

/** A card of a green page with a title over its grid, chart or lines. */
class TitledCard extends Div {

    TitledCard(String className, String title, Component... content) {
        add(new H3(title));
        add(content);
        addClassNames("card", "impact-section", className);
    }
}
