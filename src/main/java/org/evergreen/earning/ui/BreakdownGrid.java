package org.evergreen.earning.ui;

import com.vaadin.flow.component.grid.Grid;
import org.evergreen.earning.Campaign;
import org.evergreen.earning.Campaigns;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.shared.i18n.DisplayFormats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The points of a purchase rule by rule, each named in the reader's language (campaigns by their names). */
class BreakdownGrid extends Grid<PurchaseResult.RulePoints> {

    private final Campaigns campaigns;
    private final Map<Long, Campaign> campaignsById = new HashMap<>();

    BreakdownGrid(Campaigns campaigns, DisplayFormats formats) {
        this.campaigns = campaigns;
        RuleTexts texts = new RuleTexts(this, formats);
        addColumn(line -> texts.ruleName(line, campaignsById)).setHeader(getTranslation("purchase.rule.header")).setFlexGrow(3);
        // The simulator's draft has no version number yet.
        addColumn(line -> line.version() == null ? "" : line.version() == 0 ? getTranslation("purchase.rule.draft")
                : getTranslation("purchase.rule.version", line.version()))
                .setHeader(getTranslation("purchase.rule.versionHeader"));
        addColumn(line -> formats.number(line.points(), getLocale())).setHeader(getTranslation("purchase.points"));
        setAllRowsVisible(true);
    }

    /** The breakdown of a preview, whose draft campaign (id 0) is known only here. */
    void show(List<PurchaseResult.RulePoints> breakdown, Campaign draft) {
        campaignsById.put(draft.id(), draft);
        show(breakdown);
    }

    void show(List<PurchaseResult.RulePoints> breakdown) {
        List<Long> unknown = breakdown.stream().map(PurchaseResult.RulePoints::campaign).filter(Objects::nonNull)
                .filter(id -> !campaignsById.containsKey(id)).distinct().toList();
        campaigns.byIds(unknown).forEach(campaign -> campaignsById.put(campaign.id(), campaign));
        setItems(breakdown);
    }
}
