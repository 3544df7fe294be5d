package org.evergreen.earning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.evergreen.earning.Campaign;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.RuleSet;
import org.evergreen.shared.i18n.CategoryNames;
import org.evergreen.shared.i18n.DisplayFormats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Rules, campaigns and the points they gave, in the reader's language: one wording for every page that shows them. */
final class RuleTexts {

    private final Component owner;
    private final DisplayFormats formats;

    RuleTexts(Component owner, DisplayFormats formats) {
        this.owner = owner;
        this.formats = formats;
    }

    /** Every rule of a version, one sentence each. */
    List<String> describe(RuleSet rules) {
        List<String> lines = new ArrayList<>();
        lines.add(text("rules.text.base", DisplayFormats.plain(rules.basePointsPerYuan())));
        rules.categoryRates().forEach(rate -> lines.add(text("rules.text.category", category(rate.category()),
                DisplayFormats.plain(rate.pointsPerYuan()))));
        rules.unitRates().forEach(rate -> lines.add(text("rules.text.unit", category(rate.category()), rate.ordinaryPoints(), rate.silverPoints(),
                rate.goldPoints())));
        if (rules.silverMultiplier().compareTo(BigDecimal.ONE) > 0 || rules.goldMultiplier().compareTo(BigDecimal.ONE) > 0) {
            lines.add(text("rules.text.tiers", DisplayFormats.plain(rules.silverMultiplier()),
                    DisplayFormats.plain(rules.goldMultiplier())));
        }
        rules.comboBonuses().forEach(combo -> lines.add(text("rules.text.combo", category(combo.firstCategory()), category(combo.secondCategory()), combo.points())));
        if (rules.greenPointsPerYuan().signum() > 0) {
            lines.add(text("rules.text.green", DisplayFormats.plain(rules.greenPointsPerYuan())));
        }
        return lines;
    }

    /** A campaign's offer, targets and window in one sentence. */
    String describe(Campaign campaign) {
        Locale locale = locale();
        String offer = campaign.kind().hasMultiplier()
                ? text("campaign.offer.MULTIPLIER", DisplayFormats.plain(campaign.multiplier()))
                : text("campaign.offer." + campaign.kind().name(), campaign.bonusPoints());
        String categories = campaign.categories().isEmpty() ? text("campaign.allCategories")
                : campaign.categories().stream().map(this::category).sorted().collect(Collectors.joining(", "));
        String tiers = campaign.tiers().isEmpty() ? text("campaign.allTiers")
                : campaign.tiers().stream().sorted().map(tier -> text("tier." + tier.name())).collect(Collectors.joining(", "));
        return text("campaign.text", campaign.name(locale), offer, categories, tiers,
                formats.dateTime(campaign.startsAt(), locale), formats.dateTime(campaign.endsAt(), locale));
    }

    /** What one line of a purchase's breakdown means, e.g. "Category rate: fresh" or a campaign's name. */
    String ruleName(PurchaseResult.RulePoints line, Map<Long, Campaign> campaigns) {
        return switch (line.rule()) {
            case "campaign" -> {
                Campaign campaign = line.campaign() == null ? null : campaigns.get(line.campaign());
                yield text("purchase.rule.campaign", campaign == null ? "#" + line.campaign() : campaign.name(locale()));
            }
            case "tier" -> text("purchase.rule.tier", text("tier." + line.detail()));
            case "category", "unit" -> text("purchase.rule." + line.rule(), category(line.detail()));
            case "combo" -> text("purchase.rule.combo", Stream.of(line.detail().split("\\+")).map(this::category).collect(Collectors.joining(" + ")));
            default -> text("purchase.rule." + line.rule(), line.detail());
        };
    }

    /** A category's name in the reader's language. */
    String category(String code) {
        return CategoryNames.name(code, locale());
    }

    private Locale locale() {
        return UI.getCurrent().getLocale();
    }

    private String text(String key, Object... arguments) {
        return owner.getTranslation(key, arguments);
    }
}
