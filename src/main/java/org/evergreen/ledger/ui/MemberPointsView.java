package org.evergreen.ledger.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.HistoryFilter;
import org.evergreen.ledger.HistoryItem;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.MemberPoints;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.i18n.Translations;
import org.evergreen.shared.ui.Fact;

import java.time.Duration;
import java.time.ZoneId;

/** The member's points at a glance and every movement, newest first, each with the reason it happened. */
@Route("member/points")
@Menu(title = "nav.member.points", order = 2, icon = "vaadin:coin-piles")
@RolesAllowed(Roles.MEMBER)
class MemberPointsView extends VerticalLayout implements HasDynamicTitle {

    static final Duration EXPIRY_WINDOW = Duration.ofDays(30);
    private static final String PURCHASE_REFERENCE = "purchase:";

    private final Translations translations;
    private final DisplayFormats formats;
    private final Select<EntryKind> kind = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ConfigurableFilterDataProvider<HistoryItem, Void, HistoryFilter> history;

    MemberPointsView(Ledger ledger, Translations translations, DisplayFormats formats) {
        this.translations = translations;
        this.formats = formats;
        addClassName("member-points-view");
        setSizeFull();

        add(balanceCard(ledger.myPoints(EXPIRY_WINDOW)));

        kind.setLabel(getTranslation("points.filter.kind"));
        kind.setItems(EntryKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("points.filter.allKinds"));
        kind.setItemLabelGenerator(value -> value == null ? getTranslation("points.filter.allKinds") : kindLabel(value));
        from.setLabel(getTranslation("points.filter.from"));
        to.setLabel(getTranslation("points.filter.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());

        history = new CallbackDataProvider<HistoryItem, HistoryFilter>(
                query -> ledger.myHistory(query.getFilter().orElse(HistoryFilter.ALL), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(ledger.myHistoryCount(query.getFilter().orElse(HistoryFilter.ALL))),
                HistoryItem::postingId)
                .withConfigurableFilter();
        kind.addValueChangeListener(event -> applyFilter());
        from.addValueChangeListener(event -> applyFilter());
        to.addValueChangeListener(event -> applyFilter());

        Grid<HistoryItem> grid = new Grid<>();
        grid.addClassName("points-history");
        grid.addColumn(item -> formats.dateTime(item.createdAt(), getLocale())).setHeader(getTranslation("points.column.time")).setAutoWidth(true);
        grid.addColumn(item -> kindLabel(item.kind())).setHeader(getTranslation("points.column.kind")).setAutoWidth(true);
        grid.addColumn(item -> (item.amount() > 0 ? "+" : "") + formats.number(item.amount(), getLocale()))
                .setHeader(getTranslation("points.column.amount")).setAutoWidth(true)
                .setPartNameGenerator(item -> item.amount() > 0 ? "points-in" : "points-out");
        grid.addColumn(item -> getTranslation("points.account." + item.account().name())).setHeader(getTranslation("points.column.account"));
        grid.addComponentColumn(this::explanationWithLink).setHeader(getTranslation("points.column.why")).setFlexGrow(3).setKey("why");
        grid.setItems(history);
        grid.setEmptyStateText(getTranslation("points.history.empty"));

        HorizontalLayout filters = new HorizontalLayout(kind, from, to);
        filters.setAlignItems(Alignment.END);
        add(filters, grid);
    }

    private Div balanceCard(MemberPoints points) {
        Div card = new Div(
                fact("points.available", points.available(), "points-available"),
                fact("points.held", points.held(), "points-held"),
                fact("points.frozen", points.frozen(), "points-frozen"),
                fact("points.expiringSoon", points.expiringTotal(), "points-expiring"));
        card.addClassName("card");
        if (points.available() < 0) {
            // Only a refund of points already spent puts a wallet in debt (a clawback); the member must see why.
            Paragraph debt = new Paragraph(getTranslation("points.debt", formats.number(-points.available(), getLocale())));
            debt.addClassName("points-debt");
            card.add(debt);
        }
        if (!points.expiring().isEmpty()) {
            UnorderedList dates = new UnorderedList();
            dates.addClassName("expiring-dates");
            points.expiring().forEach(expiring -> dates.add(new ListItem(getTranslation("points.expiresOn",
                    formats.number(expiring.amount(), getLocale()), formats.date(expiring.expiresAt(), getLocale())))));
            card.add(dates);
        }
        return card;
    }

    private Fact fact(String labelKey, long value, String className) {
        Fact fact = new Fact(getTranslation(labelKey), formats.number(value, getLocale()));
        fact.addClassName(className);
        return fact;
    }

    private void applyFilter() {
        ZoneId zone = formats.zone();
        history.setFilter(new HistoryFilter(kind.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private String kindLabel(EntryKind value) {
        return getTranslation("points.kind." + value.name());
    }

    /**
     * The explanation; an earn from a purchase links to the purchase's lines and rules (the earning feature's page),
     * a movement of a redemption or a reward to the member's redemptions (the catalog's page).
     */
    private Component explanationWithLink(HistoryItem item) {
        String text = explanation(item);
        String subject = item.subject();
        if (subject != null && subject.matches(PURCHASE_REFERENCE + "\\d+")) {
            Anchor purchase = new Anchor("member/purchases/" + subject.substring(PURCHASE_REFERENCE.length()), text);
            purchase.addClassName("purchase-link");
            return purchase;
        }
        if (subject != null && subject.matches("(redemption|reward):\\d+")) {
            Anchor redemptions = new Anchor("member/redemptions", text);
            redemptions.addClassName("redemption-link");
            return redemptions;
        }
        return new Span(text);
    }

    /**
     * Why the points moved: the reason in the member's language, what caused it (for a refund, the purchase whose points
     * it takes back), and the case if there is one.
     */
    private String explanation(HistoryItem item) {
        String reasonKey = "ledger.reason." + item.reason();
        StringBuilder text = new StringBuilder(translations.hasTranslation(reasonKey, getLocale())
                ? getTranslation(reasonKey) : item.reason());
        if (item.subject() != null) {
            text.append(" · ").append(item.subject());
        }
        if (item.caseReference() != null) {
            text.append(" · ").append(getTranslation("points.case", item.caseReference()));
        }
        if (item.reversesEntryId() != null) {
            text.append(" · ").append(getTranslation("points.reverses", item.reversesEntryId()));
        }
        return text.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.points");
    }
}
