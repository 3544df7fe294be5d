package org.evergreen.earning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.earning.Campaign;
import org.evergreen.earning.Campaigns;
import org.evergreen.earning.EarningPolicies;
import org.evergreen.earning.EarningPolicy;
import org.evergreen.earning.EarningRules;
import org.evergreen.earning.RuleSetVersion;
import org.evergreen.member.TierThresholds;
import org.evergreen.member.Tiers;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.LanguageSwitch;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public disclosure page, open to anyone: the platform's limits and campaigns, and every participating
 * merchant's rules and campaigns, with when each version was disclosed, from when it applies, and the versions
 * it replaced.
 */
@Route(value = "rules", autoLayout = false)
@AnonymousAllowed
public class PublicRulesView extends VerticalLayout implements HasDynamicTitle {

    /** One merchant's row: the merchant, its rule versions and its campaigns, newest first. */
    record MerchantRules(PublicMerchant merchant, List<RuleSetVersion> versions, List<Campaign> campaigns) {
    }

    private final DisplayFormats formats;
    private final RuleTexts texts;

    public PublicRulesView(MerchantDirectory directory, EarningRules rules, Campaigns campaigns, EarningPolicies policies, Tiers tiers,
                           DisplayFormats formats) {
        this.formats = formats;
        this.texts = new RuleTexts(this, formats);
        addClassName("public-rules-view");
        setSizeFull();

        EarningPolicy policy = policies.current();
        TierThresholds thresholds = tiers.thresholds();
        Div platform = new Div(new H2(getTranslation("rules.public.platform")),
                new Paragraph(getTranslation("rules.public.cap", DisplayFormats.plain(policy.bonusCapPercent()),
                        DisplayFormats.plain(policy.yuanPerPoint()))),
                new Paragraph(getTranslation("rules.public.tiers", DisplayFormats.plain(thresholds.silverSpend()),
                        DisplayFormats.plain(thresholds.goldSpend()))),
                new Paragraph(getTranslation("rules.public.greenLimit", DisplayFormats.plain(policies.greenBonusLimit()))),
                validity(),
                list(campaigns.platformCampaigns(0, 20).stream().map(texts::describe).toList()));
        platform.addClassNames("card", "platform-rules");

        Grid<MerchantRules> grid = new Grid<>();
        grid.addClassName("public-rules-grid");
        grid.addColumn(row -> row.merchant().name(getLocale())).setHeader(getTranslation("merchant.name")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation("merchant.category." + row.merchant().category().name())).setHeader(getTranslation("merchant.category"));
        grid.addColumn(new ComponentRenderer<>(row -> row.versions().isEmpty() ? new Paragraph(getTranslation("rules.public.none"))
                : version(row.versions().getFirst()))).setHeader(getTranslation("rules.public.current")).setKey("current").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(row -> list(row.campaigns().stream().map(texts::describe).toList())))
                .setHeader(getTranslation("rules.public.campaigns")).setKey("campaigns").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(row -> list(row.versions().stream().skip(1).map(this::versionLine).toList())))
                .setHeader(getTranslation("rules.public.history")).setKey("history").setFlexGrow(2);
        // Lazily, a page of merchants at a time, with the rules and campaigns of just that page.
        grid.setItems(query -> {
            List<PublicMerchant> page = directory.participants(query.getOffset(), query.getLimit());
            List<Long> ids = page.stream().map(PublicMerchant::id).toList();
            Map<Long, List<RuleSetVersion>> versions = rules.disclosed(ids).stream().collect(Collectors.groupingBy(RuleSetVersion::merchantId));
            Map<Long, List<Campaign>> offers = campaigns.disclosed(ids).stream().collect(Collectors.groupingBy(Campaign::merchantId));
            return page.stream().map(merchant -> new MerchantRules(merchant, versions.getOrDefault(merchant.id(), List.of()),
                    offers.getOrDefault(merchant.id(), List.of())));
        }, query -> Math.toIntExact(directory.participantCount()));

        add(new LanguageSwitch(), new H1(getTranslation("rules.public.title")), new Paragraph(getTranslation("rules.public.intro")),
                platform, grid, new Anchor("login", getTranslation("registration.toLogin")));
    }

    private Div version(RuleSetVersion version) {
        Div rules = new Div(new Paragraph(versionLine(version)), list(texts.describe(version.rules())));
        rules.addClassName("rule-version");
        return rules;
    }

    private String versionLine(RuleSetVersion version) {
        return getTranslation("rules.public.version", version.version(), formats.dateTime(version.disclosedAt(), getLocale()),
                formats.dateTime(version.effectiveFrom(), getLocale()));
    }

    private static UnorderedList list(List<String> items) {
        UnorderedList list = new UnorderedList();
        items.forEach(item -> list.add(new ListItem(item)));
        return list;
    }

    private Paragraph validity() {
        Paragraph validity = new Paragraph(getTranslation("rules.public.validity"));
        validity.addClassName("points-validity");
        return validity;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rules.public.title") + " · " + getTranslation("app.name");
    }
}
