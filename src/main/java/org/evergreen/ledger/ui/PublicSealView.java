package org.evergreen.ledger.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.ledger.Ledger;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.LanguageSwitch;

/**
 * The journal's seal head, for anyone to read and keep: published outside the database, an earlier head is what lets
 * a regulator prove later that nothing before it was changed or removed.
 */
@Route(value = "audit/seal", autoLayout = false)
@AnonymousAllowed
public class PublicSealView extends VerticalLayout implements HasDynamicTitle {

    public PublicSealView(Ledger ledger, DisplayFormats formats) {
        addClassName("public-seal-view");
        add(new LanguageSwitch(), new H1(getTranslation("seal.public.title")), new Paragraph(getTranslation("seal.public.explain")));
        ledger.sealHead().ifPresentOrElse(head -> {
            Fact id = new Fact(getTranslation("seal.public.id"), String.valueOf(head.sealId()));
            id.addClassName("seal-id");
            Fact hash = new Fact(getTranslation("seal.public.hash"), head.sealHash());
            hash.addClassName("seal-hash");
            Div card = new Div(id, hash, new Fact(getTranslation("seal.public.at"), formats.dateTime(head.sealedAt(), getLocale())));
            card.addClassName("card");
            add(card);
        }, () -> add(new Paragraph(getTranslation("audit.sealHead.none"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("seal.public.title") + " · " + getTranslation("app.name");
    }
}
