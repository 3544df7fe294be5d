package org.evergreen.household.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.evergreen.household.Households;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.MemberHomeCard;

import java.util.Optional;

/** The household's pool on the member's home page, for a member who belongs to one. */
@org.springframework.stereotype.Component
class PoolHomeCard implements MemberHomeCard {

    private final Households households;
    private final DisplayFormats formats;

    PoolHomeCard(Households households, DisplayFormats formats) {
        this.households = households;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        return households.myHousehold().map(household -> {
            Fact pool = new Fact(ui.getTranslation("home.pool", household.name()), formats.number(household.poolAvailable(), ui.getLocale()));
            pool.addClassName("home-pool");
            Div card = new Div(pool, new Anchor("member/household", ui.getTranslation("home.pool.open")));
            card.addClassNames("card", "home-card", "home-household");
            return card;
        });
    }
}
