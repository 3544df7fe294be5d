package org.evergreen.ledger.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.ledger.ActivityLine;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.MemberActivity;
import org.evergreen.ledger.MemberPoints;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.Fact;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The member's points at a glance and everything that happened to them, newest first, one line each, in words: where
 * they bought and for how much, which reward they redeemed and where it stands, what a refund took back. Each line
 * opens the page that explains it.
 */
@Route("member/points")
@Menu(title = "nav.member.points", order = 2, icon = "vaadin:coin-piles")
@RolesAllowed(Roles.MEMBER)
class MemberPointsView extends VerticalLayout implements HasDynamicTitle {

    static final Duration EXPIRY_WINDOW = Duration.ofDays(30);

    private final DisplayFormats formats;
    private final DatePicker from = ComponentTexts.localized(new DatePicker());
    private final DatePicker to = ComponentTexts.localized(new DatePicker());
    private final ConfigurableFilterDataProvider<ActivityLine, Void, TimeRange> activity;

    MemberPointsView(Ledger ledger, MemberActivity memberActivity, DisplayFormats formats) {
        this.formats = formats;
        addClassName("member-points-view");
        setSizeFull();

        add(balanceCard(ledger.myPoints(EXPIRY_WINDOW)));

        from.setLabel(getTranslation("points.filter.from"));
        to.setLabel(getTranslation("points.filter.to"));

        activity = new CallbackDataProvider<ActivityLine, TimeRange>(
                query -> {
                    TimeRange range = query.getFilter().orElse(TimeRange.ANY);
                    return memberActivity.mine(range.from(), range.to(), query.getOffset(), query.getLimit(), getLocale()).stream();
                },
                query -> {
                    TimeRange range = query.getFilter().orElse(TimeRange.ANY);
                    return Math.toIntExact(memberActivity.myCount(range.from(), range.to()));
                },
                line -> line.item().entryId())
                .withConfigurableFilter();
        from.addValueChangeListener(event -> applyFilter());
        to.addValueChangeListener(event -> applyFilter());

        Grid<ActivityLine> grid = new Grid<>();
        grid.addClassName("points-activity");
        grid.addComponentColumn(line -> new ActivityRow(line, formats, getLocale())).setKey("line")
                .setHeader(getTranslation("points.activity"));
        grid.setItems(activity);
        grid.setEmptyStateText(getTranslation("points.history.empty"));

        HorizontalLayout filters = new HorizontalLayout(from, to);
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
            Paragraph debt = new Paragraph(getTranslation("points.debt", -points.available()));
            debt.addClassName("points-debt");
            card.add(debt);
        }
        if (!points.expiring().isEmpty()) {
            UnorderedList dates = new UnorderedList();
            dates.addClassName("expiring-dates");
            points.expiring().forEach(expiring -> dates.add(new ListItem(getTranslation("points.expiresOn", expiring.amount(), formats.date(expiring.expiresAt(), getLocale())))));
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
        activity.setFilter(new TimeRange(
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** The dates picked, as instants: [from, to), nulls for "any". */
    private record TimeRange(@Nullable Instant from, @Nullable Instant to) {
        static final TimeRange ANY = new TimeRange(null, null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.points");
    }
}
