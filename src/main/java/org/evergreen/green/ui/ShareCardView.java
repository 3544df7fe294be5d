package org.evergreen.green.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.green.Equivalent;
import org.evergreen.green.ShareCards;
import org.evergreen.green.ShareCards.CardFigures;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.SvgImage;
import org.evergreen.shared.ui.LanguageSwitch;

/**
 * A member's shared impact card, open to anyone with its link: one year's CO₂e avoided, what it is like, green points
 * and green share, drawn as an SVG card, and nothing that says who the member is. A link no longer shared (or never
 * made) shows the same page either way.
 */
@Route(value = "green/card", autoLayout = false)
@AnonymousAllowed
public class ShareCardView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final ShareCards cards;
    private final GreenTexts texts;

    public ShareCardView(ShareCards cards, DisplayFormats formats) {
        this.cards = cards;
        this.texts = new GreenTexts(this, formats);
        addClassName("share-card-view");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        add(new LanguageSwitch());
        cards.shown(token).ifPresentOrElse(this::show, () -> add(new H1(getTranslation("impact.card.title")),
                new Paragraph(getTranslation("impact.card.gone"))));
        add(new Anchor("green/methods", getTranslation("impact.howCounted")));
    }

    private void show(CardFigures card) {
        String co2e = texts.co2e(card.co2eGrams());
        String like = getTranslation("impact.equivalent." + Equivalent.TREE_YEARS.name(), texts.decimal(Equivalent.TREE_YEARS.of(card.co2eGrams()), 1));
        String points = getTranslation("impact.card.points", getTranslation("impact.points", card.greenPoints()),
                getTranslation("impact.percent", card.greenSharePercent().toPlainString()));
        String heading = getTranslation("impact.card.heading", card.year());
        SvgImage image = new SvgImage(svg(heading, co2e, like, points), heading + " " + co2e + " " + like + " " + points);
        image.addClassName("share-card");
        add(new H1(heading), image);
    }

    /** A 1200 × 630 card (the size social networks show), its texts drawn by the reader's browser. */
    private String svg(String heading, String co2e, String like, String points) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\">"
                + "<rect width=\"1200\" height=\"630\" rx=\"36\" fill=\"#1f7a4d\"/>"
                + "<text x=\"80\" y=\"140\" font-family=\"sans-serif\" font-size=\"48\" fill=\"#e7f4ec\">" + xml(heading) + "</text>"
                + "<text x=\"80\" y=\"320\" font-family=\"sans-serif\" font-size=\"120\" font-weight=\"700\" fill=\"#ffffff\">" + xml(co2e)
                + "</text>"
                + "<text x=\"80\" y=\"400\" font-family=\"sans-serif\" font-size=\"40\" fill=\"#e7f4ec\">CO₂e · " + xml(like) + "</text>"
                + "<text x=\"80\" y=\"520\" font-family=\"sans-serif\" font-size=\"40\" fill=\"#e7f4ec\">" + xml(points) + "</text>"
                + "<text x=\"1120\" y=\"580\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"32\" fill=\"#e7f4ec\">"
                + xml(getTranslation("app.name")) + "</text></svg>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("impact.card.title") + " · " + getTranslation("app.name");
    }
}
