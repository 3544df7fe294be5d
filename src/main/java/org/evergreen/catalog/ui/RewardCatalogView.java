package org.evergreen.catalog.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.catalog.CatalogFilter;
import org.evergreen.catalog.CatalogFilter.CatalogSort;
import org.evergreen.catalog.CatalogItem;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.catalog.PointValue;
import org.evergreen.catalog.RedemptionRefused;
import org.evergreen.catalog.Redemptions;
import org.evergreen.catalog.Rewards;
import org.evergreen.ledger.Ledger;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.CategoryNames;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The one catalog, as a member browses it: search, filters, sorting and lazy paging over every merchant's
 * rewards, each showing whether the member can afford it now; a reward opens to its details, price history and
 * the redeem button.
 */
@Route("member/rewards")
@Menu(title = "nav.member.rewards", order = 3, icon = "vaadin:gift")
@RolesAllowed(Roles.MEMBER)
class RewardCatalogView extends VerticalLayout implements HasDynamicTitle {


    private final Rewards rewards;
    private final Redemptions redemptions;
    private final Ledger ledger;
    private final CatalogTexts texts;
    private final Grid<CatalogItem> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<String> category = new ComboBox<>();
    private final ComboBox<PublicMerchant> merchant = new ComboBox<>();
    private final Checkbox affordable = new Checkbox();
    private final Checkbox green = new Checkbox();
    private final Select<CatalogSort> sort = new Select<>();
    private final Span available = new Span();

    RewardCatalogView(Rewards rewards, Redemptions redemptions, CatalogPolicies policies, Ledger ledger, DisplayFormats formats) {
        this.rewards = rewards;
        this.redemptions = redemptions;
        this.ledger = ledger;
        this.texts = new CatalogTexts(this, formats);
        addClassName("reward-catalog-view");
        setSizeFull();

        available.addClassName("available-points");
        add(available);
        for (PointValue upcoming : policies.upcomingValues()) {
            Paragraph notice = new Paragraph(getTranslation("catalog.valueNotice", formats.date(upcoming.effectiveFrom(), getLocale()),
                    DisplayFormats.plain(policies.currentValue().yuanPerPoint()), DisplayFormats.plain(upcoming.yuanPerPoint())));
            notice.addClassName("value-notice");
            add(notice);
        }

        search.setPlaceholder(getTranslation("catalog.search"));
        search.setAriaLabel(getTranslation("catalog.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addClassName("catalog-search");
        category.setLabel(getTranslation("catalog.category"));
        category.setItems(rewards.categories());
        category.setItemLabelGenerator(code -> CategoryNames.name(code, getLocale()));
        category.setClearButtonVisible(true);
        merchant.setLabel(getTranslation("catalog.merchant"));
        merchant.setItems(rewards.merchantsWithRewards());
        merchant.setItemLabelGenerator(found -> found.name(getLocale()));
        merchant.setClearButtonVisible(true);
        affordable.setLabel(getTranslation("catalog.affordableOnly"));
        green.setLabel(getTranslation("catalog.greenOnly"));
        sort.setLabel(getTranslation("catalog.sort"));
        sort.setItems(CatalogSort.values());
        sort.setItemLabelGenerator(value -> getTranslation("catalog.sort." + value.name()));
        sort.setValue(CatalogSort.NEWEST);
        HorizontalLayout filters = new HorizontalLayout(search, category, merchant, sort, affordable, green);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters);

        grid.addClassName("catalog-grid");
        grid.addComponentColumn(item -> item.imageId() == null ? new Span()
                : CatalogTexts.picture(rewards, item.imageId(), true, item.name(getLocale()))).setHeader("").setWidth("96px").setFlexGrow(0);
        grid.addColumn(item -> item.name(getLocale())).setHeader(getTranslation("catalog.reward")).setKey("name").setFlexGrow(3);
        grid.addColumn(item -> item.merchant().name(getLocale())).setHeader(getTranslation("catalog.merchant")).setKey("merchant").setFlexGrow(2);
        grid.addColumn(item -> texts.price(item.price()) + (item.price().campaign()
                ? " " + getTranslation("catalog.insteadOf", texts.points(item.regularPoints())) : ""))
                .setHeader(getTranslation("catalog.price")).setKey("price").setFlexGrow(2);
        grid.addColumn(this::affordability).setHeader(getTranslation("catalog.forYou")).setKey("affordability").setFlexGrow(2);
        grid.setItems(query -> rewards.browse(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(rewards.browseCount(filter())));
        grid.addItemClickListener(click -> openDetails(click.getItem()));
        search.addValueChangeListener(change -> refresh());
        category.addValueChangeListener(change -> refresh());
        merchant.addValueChangeListener(change -> refresh());
        affordable.addValueChangeListener(change -> refresh());
        green.addValueChangeListener(change -> refresh());
        sort.addValueChangeListener(change -> refresh());
        add(grid);
        showAvailable();
    }

    private CatalogFilter filter() {
        return new CatalogFilter(search.getValue(), category.getValue(), merchant.getValue() == null ? null : merchant.getValue().id(),
                affordable.getValue(), green.getValue(), sort.getValue() == null ? CatalogSort.NEWEST : sort.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void showAvailable() {
        available.setText(getTranslation("catalog.available", texts.points(ledger.myPoints(Duration.ZERO).available())));
    }

    /** Whether the member's own points pay for one, as the catalog's list says. */
    private String affordability(CatalogItem item) {
        return affordabilityText(item, item.missingPoints());
    }

    /** The same for the choices made in the reward's dialog: how many, which price, and whose points. */
    private String affordability(CatalogItem item, int quantity, boolean withCash, long spendable) {
        long price = withCash ? item.price().cashOptionPoints() : item.price().points();
        return affordabilityText(item, Math.max(0, price * Math.max(1, quantity) - spendable));
    }

    private String affordabilityText(CatalogItem item, long missing) {
        if (item.soldOut()) {
            return getTranslation("catalog.soldOut");
        }
        return missing == 0 ? getTranslation("catalog.affordable") : getTranslation("catalog.missing", texts.points(missing));
    }

    private void openDetails(CatalogItem item) {
        Dialog dialog = new Dialog(item.name(getLocale()));
        dialog.addClassName("reward-dialog");
        Div pictures = new Div();
        pictures.addClassName("reward-pictures");
        rewards.imageIds(item.id()).forEach(id -> pictures.add(CatalogTexts.picture(rewards, id, false, item.name(getLocale()))));
        Paragraph description = new Paragraph(item.description(getLocale()));
        Div facts = new Div(new Fact(getTranslation("catalog.merchant"), item.merchant().name(getLocale())),
                new Fact(getTranslation("catalog.kind"), getTranslation("reward.kind." + item.kind().name())),
                new Fact(getTranslation("catalog.price"), texts.price(item.price())),
                new Fact(getTranslation("catalog.value"), "¥" + item.retailValue().toPlainString()),
                new Fact(getTranslation("catalog.stock"), item.stockLeft() == null ? getTranslation("catalog.unlimited")
                        : String.valueOf(item.stockLeft())),
                new Fact(getTranslation("catalog.redeemWithin"), getTranslation("catalog.days", item.redeemWithinDays())));
        if (item.perMemberLimit() != null) {
            facts.add(new Fact(getTranslation("catalog.perMember"), String.valueOf(item.perMemberLimit())));
        }
        if (item.green()) {
            facts.add(new Span(getTranslation("catalog.greenReward")));
        }
        facts.addClassName("card");
        UnorderedList history = new UnorderedList();
        history.addClassName("price-history");
        rewards.priceHistory(item.id()).forEach(change -> history.add(new ListItem(texts.priceChange(change))));

        IntegerField quantity = new IntegerField(getTranslation("catalog.quantity"));
        quantity.setValue(1);
        quantity.setMin(1);
        quantity.setMax(Redemptions.MAX_QUANTITY);
        quantity.setStepButtonsVisible(true);
        RadioButtonGroup<Boolean> payWith = new RadioButtonGroup<>(getTranslation("catalog.payWith"));
        if (item.price().hasCashOption()) {
            payWith.setItems(false, true);
            payWith.setItemLabelGenerator(cash -> cash ? texts.pointsAndCash(item.price().cashOptionPoints(), item.price().cashOptionAmount())
                    : texts.points(item.price().points()));
        } else {
            payWith.setItems(false);
            payWith.setItemLabelGenerator(cash -> texts.points(item.price().points()));
            payWith.setVisible(false);
        }
        payWith.setValue(false);
        Checkbox fromPool = new Checkbox(getTranslation("catalog.fromPool"));
        fromPool.addClassName("pay-from-pool");
        Optional<Long> poolPoints = redemptions.myRedeemablePoolPoints();
        fromPool.setVisible(poolPoints.isPresent());
        long walletPoints = ledger.myPoints(Duration.ZERO).available();
        Paragraph affordability = new Paragraph();
        affordability.addClassName("affordability");
        // What is missing depends on every choice in the dialog: the quantity, the price option and who pays.
        Runnable recount = () -> affordability.setText(affordability(item, quantity.getValue() == null ? 1 : quantity.getValue(),
                Boolean.TRUE.equals(payWith.getValue()), fromPool.getValue() ? poolPoints.orElse(0L) : walletPoints));
        recount.run();
        quantity.addValueChangeListener(change -> recount.run());
        payWith.addValueChangeListener(change -> recount.run());
        fromPool.addValueChangeListener(change -> recount.run());

        // One key per opened dialog: a second click on "redeem" is the same request, answered with the first redemption.
        String requestKey = UUID.randomUUID().toString();
        Button redeem = new Button(getTranslation("catalog.redeem"));
        redeem.addClassName("redeem");
        redeem.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        redeem.setDisableOnClick(true);
        redeem.addClickListener(click -> {
            try {
                int count = quantity.getValue() == null ? 0 : quantity.getValue();
                boolean withCash = Boolean.TRUE.equals(payWith.getValue());
                var redemption = fromPool.getValue() ? redemptions.redeemFromPool(item.id(), count, withCash, requestKey)
                        : redemptions.redeem(item.id(), count, withCash, requestKey);
                dialog.close();
                Notification.show(getTranslation("catalog.redeemed", redemption.code()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                UI.getCurrent().navigate(MyRedemptionsView.class);
            } catch (RedemptionRefused refused) {
                Notification.show(getTranslation(refused.messageKey()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                refresh();
            } finally {
                // Whatever stopped it (a refusal, or an error shown by the portal), the member may try again.
                redeem.setEnabled(true);
            }
        });
        dialog.add(pictures, description, facts, new H3(getTranslation("catalog.priceHistory")), history, quantity, payWith, fromPool, affordability);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), redeem);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.rewards");
    }
}
