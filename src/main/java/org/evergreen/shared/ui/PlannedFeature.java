package org.evergreen.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Marks a portal view whose feature is scheduled but not built yet, saying what it will do and which
 * issue builds it, so the navigation already shows the shape of the portal without pretending.
 */
public class PlannedFeature extends Div {

    public PlannedFeature(String featureKey, int issue) {
        addClassName("planned-feature");
        add(new H2(getTranslation(featureKey + ".title")),
                new Paragraph(getTranslation(featureKey + ".description")),
                new Paragraph(getTranslation("planned.notYet", issue)));
    }
}
