package org.evergreen.shared.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * A card on the member's home page, contributed by the feature that owns its figures (points, the household pool,
 * rewards, green impact), so that the home page depends on none of them.
 */
public interface MemberHomeCard {

    /** Where the card sits on the page: lower first. */
    int order();

    /** The card for the signed-in member, built in the current UI's language; empty when it has nothing to say. */
    Optional<Component> create();
}
