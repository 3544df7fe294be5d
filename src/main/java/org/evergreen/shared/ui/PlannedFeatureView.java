package org.evergreen.shared.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** A whole view that is only a {@link PlannedFeature}; its subclass carries the route, menu entry and access rule. */
public abstract class PlannedFeatureView extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    protected PlannedFeatureView(String titleKey, String featureKey, int issue) {
        this.titleKey = titleKey;
        addClassName("planned-feature-view");
        add(new PlannedFeature(featureKey, issue));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
