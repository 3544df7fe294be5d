package org.evergreen.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.evergreen.ledger.ActivityLine;
import org.evergreen.ledger.MemberActivity;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.MemberHomeCard;

import java.util.List;
import java.util.Optional;

/** The member's last few movements on their home page, each opening what explains it. */
@org.springframework.stereotype.Component
class RecentActivityHomeCard implements MemberHomeCard {

    static final int LINES = 5;

    private final MemberActivity activity;
    private final DisplayFormats formats;

    RecentActivityHomeCard(MemberActivity activity, DisplayFormats formats) {
        this.activity = activity;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Component> create() {
        UI ui = UI.getCurrent();
        List<ActivityLine> lines = activity.mine(null, null, 0, LINES, ui.getLocale());
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Div card = new Div(new H3(ui.getTranslation("home.activity")));
        card.addClassNames("card", "home-card", "home-activity");
        lines.forEach(line -> card.add(new ActivityRow(line, formats, ui.getLocale())));
        card.add(new Anchor("member/points", ui.getTranslation("home.points.all")));
        return Optional.of(card);
    }
}
