package org.evergreen.green.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.green.Equivalent;
import org.evergreen.green.FactorVersion;
import org.evergreen.green.GreenMethod;
import org.evergreen.green.GreenMethods;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.LanguageSwitch;

import java.util.List;

/**
 * The published methodology, open to anyone: each kind of green consumption, what falls under it, and every version of
 * its factor with its baseline, source and validity, so that any member's or merchant's CO₂e figure can be redone by
 * hand; and the factors of the equivalents that reports use.
 */
@Route(value = "green/methods", autoLayout = false)
@AnonymousAllowed
public class GreenMethodsView extends VerticalLayout implements HasDynamicTitle {

    public GreenMethodsView(GreenMethods methods, DisplayFormats formats) {
        GreenTexts texts = new GreenTexts(this, formats);
        addClassName("green-methods-view");
        add(new LanguageSwitch(), new H1(getTranslation("green.methods.title")), new Paragraph(getTranslation("green.methods.intro")));
        for (GreenMethod method : methods.published()) {
            add(section(method, texts));
        }
        UnorderedList equivalents = new UnorderedList();
        for (Equivalent equivalent : Equivalent.values()) {
            equivalents.add(new ListItem(getTranslation("green.equivalent.factor." + equivalent.name(),
                    texts.decimal(equivalent.gramsEach() / 1_000, 4))));
        }
        Section equivalentSection = new Section(new H2(getTranslation("green.equivalents.title")), equivalents,
                new Paragraph(getTranslation("green.equivalents.sources")));
        equivalentSection.addClassNames("card", "green-equivalents");
        add(equivalentSection, new Anchor("rules", getTranslation("green.methods.toRules")));
    }

    private Section section(GreenMethod method, GreenTexts texts) {
        Div covers = new Div(new Paragraph(getTranslation("green.methods.covers", String.join(", ", method.categories()),
                method.skus().isEmpty() ? getTranslation("green.methods.noSkus") : String.join(", ", method.skus()))));
        Grid<FactorVersion> versions = new Grid<>();
        versions.addClassName("factor-versions");
        versions.addColumn(version -> texts.validity(method, version)).setHeader(getTranslation("green.methods.version")).setAutoWidth(true);
        versions.addColumn(version -> texts.factor(method, version.gramsPerBasis())).setHeader(getTranslation("green.methods.factor"))
                .setAutoWidth(true);
        versions.addColumn(version -> version.baseline(getLocale())).setHeader(getTranslation("green.methods.baseline")).setFlexGrow(2);
        versions.addColumn(FactorVersion::source).setHeader(getTranslation("green.methods.source")).setFlexGrow(2);
        versions.setItems(List.copyOf(method.versions()).reversed());
        versions.setAllRowsVisible(true);
        versions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Section section = new Section(new H2(method.name(getLocale())), new Paragraph(method.description(getLocale())), covers, versions);
        section.addClassNames("card", "green-method");
        section.setId("method-" + method.code());
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("green.methods.title") + " · " + getTranslation("app.name");
    }
}
