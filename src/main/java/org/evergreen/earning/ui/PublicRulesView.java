package org.evergreen.earning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.earning.BaseRule;
import org.evergreen.earning.BaseRules;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.LanguageSwitch;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public disclosure page, open to anyone: every participating merchant's earning rules, with when each
 * version was disclosed, from when it applies, and the versions it replaced.
 */
@Route(value = "rules", autoLayout = false)
@AnonymousAllowed
public class PublicRulesView extends VerticalLayout implements HasDynamicTitle {

    /** One merchant's row: the merchant and its rule versions, newest first. */
    record MerchantRules(PublicMerchant merchant, List<BaseRule> versions) {
    }

    public PublicRulesView(MerchantDirectory directory, BaseRules rules, DisplayFormats formats) {
        addClassName("public-rules-view");
        setSizeFull();

        Grid<MerchantRules> grid = new Grid<>();
        grid.addClassName("public-rules-grid");
        grid.addColumn(row -> row.merchant().name(getLocale())).setHeader(getTranslation("merchant.name")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation("merchant.category." + row.merchant().category().name())).setHeader(getTranslation("merchant.category"));
        grid.addColumn(row -> row.versions().isEmpty() ? getTranslation("rules.public.none")
                : describe(row.versions().getFirst(), formats)).setHeader(getTranslation("rules.public.current")).setFlexGrow(2);
        grid.addColumn(row -> row.versions().stream().skip(1).map(version -> describe(version, formats))
                .collect(Collectors.joining("; "))).setHeader(getTranslation("rules.public.history")).setFlexGrow(3);
        // Lazily, a page of merchants at a time, with the rule versions of just that page.
        grid.setItems(query -> {
            List<PublicMerchant> page = directory.participants(query.getOffset(), query.getLimit());
            Map<Long, List<BaseRule>> versions = rules.disclosed(page.stream().map(PublicMerchant::id).toList()).stream()
                    .collect(Collectors.groupingBy(BaseRule::merchantId));
            return page.stream().map(merchant -> new MerchantRules(merchant, versions.getOrDefault(merchant.id(), List.of())));
        }, query -> Math.toIntExact(directory.participantCount()));

        add(new LanguageSwitch(), new H1(getTranslation("rules.public.title")), new Paragraph(getTranslation("rules.public.intro")),
                grid, new Anchor("login", getTranslation("registration.toLogin")));
    }

    private String describe(BaseRule rule, DisplayFormats formats) {
        return getTranslation("rules.public.version", rule.version(), rule.pointsPerYuan().stripTrailingZeros().toPlainString(),
                formats.dateTime(rule.disclosedAt(), getLocale()), formats.dateTime(rule.effectiveFrom(), getLocale()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.public.title") + " · " + getTranslation("app.name");
    }
}
