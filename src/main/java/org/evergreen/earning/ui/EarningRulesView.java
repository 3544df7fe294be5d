package org.evergreen.earning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.earning.Campaigns;
import org.evergreen.earning.EarningFacts;
import org.evergreen.earning.EarningPolicies;
import org.evergreen.earning.EarningRules;
import org.evergreen.earning.PointsCalculation;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.RuleSet;
import org.evergreen.earning.RuleSetVersion;
import org.evergreen.member.Tier;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A merchant's earning rules: the version in force and its history for all staff; for owners, an editor for
 * the next version with a live preview of what a basket would earn under it, before it is disclosed.
 */
@Route("merchant/rules")
@Menu(title = "nav.merchant.rules", order = 2, icon = "vaadin:calc")
@RolesAllowed(Roles.MERCHANT)
class EarningRulesView extends VerticalLayout implements HasDynamicTitle {

    private final EarningRules rules;
    private final DisplayFormats formats;
    private final Clock clock;
    private final RuleTexts texts;

    private final Div current = new Div();
    private final Grid<RuleSetVersion> history = new Grid<>();

    // The draft of the next version.
    private final BigDecimalField baseRate = decimalField("rules.field.base");
    private final BigDecimalField greenRate = decimalField("rules.field.green");
    private final BigDecimalField silverMultiplier = decimalField("rules.field.silver");
    private final BigDecimalField goldMultiplier = decimalField("rules.field.gold");
    private final DateTimePicker effectiveFrom = ComponentTexts.localized(new DateTimePicker());
    private final List<RuleSet.CategoryRate> categoryRates = new ArrayList<>();
    private final List<RuleSet.UnitRate> unitRates = new ArrayList<>();
    private final List<RuleSet.ComboBonus> combos = new ArrayList<>();
    private final Grid<RuleSet.CategoryRate> categoryGrid = new Grid<>();
    private final Grid<RuleSet.UnitRate> unitGrid = new Grid<>();
    private final Grid<RuleSet.ComboBonus> comboGrid = new Grid<>();
    private final Paragraph listErrors = new Paragraph();
    private final FormErrors errors;

    // The basket of the preview.
    private final List<PurchaseRequest.Line> basket = new ArrayList<>();
    private final Grid<PurchaseRequest.Line> basketGrid = new Grid<>();
    private final Select<Tier> tier = new Select<>();
    private final Checkbox firstHere = new Checkbox();
    private final Checkbox newMember = new Checkbox();
    private final BreakdownGrid preview;
    private final Paragraph previewTotal = new Paragraph();

    EarningRulesView(EarningRules rules, Campaigns campaigns, EarningPolicies policies, CurrentUser currentUser, DisplayFormats formats,
                     Clock clock) {
        greenRate.setHelperText(getTranslation("rules.green.limitHelp", DisplayFormats.plain(policies.greenBonusLimit())));
        this.rules = rules;
        this.formats = formats;
        this.clock = clock;
        this.texts = new RuleTexts(this, formats);
        this.preview = new BreakdownGrid(campaigns, formats);
        addClassName("earning-rules-view");
        errors = new FormErrors(this).field("basePointsPerYuan", baseRate).field("greenPointsPerYuan", greenRate)
                .field("silverMultiplier", silverMultiplier).field("goldMultiplier", goldMultiplier).field("effectiveFrom", effectiveFrom);

        history.addClassName("rule-history");
        history.addColumn(RuleSetVersion::version).setHeader(getTranslation("rules.version")).setAutoWidth(true);
        history.addColumn(version -> formats.dateTime(version.disclosedAt(), getLocale())).setHeader(getTranslation("rules.disclosedAt"));
        history.addColumn(version -> formats.dateTime(version.effectiveFrom(), getLocale())).setHeader(getTranslation("rules.effectiveFrom"));
        history.addColumn(version -> String.join(" · ", texts.describe(version.rules()))).setHeader(getTranslation("rules.summary")).setFlexGrow(4);
        history.setAllRowsVisible(true);
        current.addClassNames("card", "current-rules");
        add(new H3(getTranslation("rules.current")), current, new H3(getTranslation("rules.history")), history);

        boolean owner = currentUser.get().map(user -> user.merchantRole() == MerchantRole.OWNER).orElse(false);
        List<RuleSetVersion> versions = refreshVersions();
        if (owner) {
            versions.stream().findFirst().map(RuleSetVersion::rules).ifPresentOrElse(this::fill, () -> fill(RuleSet.flatRate(BigDecimal.ONE)));
            add(new H3(getTranslation("rules.editor")), new Paragraph(getTranslation("rules.editor.intro")), editor(),
                    new H3(getTranslation("rules.simulator")), new Paragraph(getTranslation("rules.simulator.intro")), simulator());
            refreshPreview();
        }
    }

    private List<RuleSetVersion> refreshVersions() {
        List<RuleSetVersion> versions = rules.myVersions();
        history.setItems(versions);
        current.removeAll();
        Instant now = clock.instant();
        versions.stream().filter(version -> !version.effectiveFrom().isAfter(now)).findFirst().ifPresentOrElse(
                version -> {
                    current.add(new Paragraph(getTranslation("rules.public.version", version.version(),
                            formats.dateTime(version.disclosedAt(), getLocale()), formats.dateTime(version.effectiveFrom(), getLocale()))));
                    UnorderedList list = new UnorderedList();
                    texts.describe(version.rules()).forEach(line -> list.add(new ListItem(line)));
                    current.add(list);
                },
                () -> current.add(new Paragraph(getTranslation("rules.public.none"))));
        return versions;
    }

    private void fill(RuleSet draft) {
        baseRate.setValue(draft.basePointsPerYuan());
        greenRate.setValue(draft.greenPointsPerYuan());
        silverMultiplier.setValue(draft.silverMultiplier());
        goldMultiplier.setValue(draft.goldMultiplier());
        categoryRates.addAll(draft.categoryRates());
        unitRates.addAll(draft.unitRates());
        combos.addAll(draft.comboBonuses());
    }

    private Component editor() {
        effectiveFrom.setLabel(getTranslation("rules.field.effectiveFrom"));
        effectiveFrom.setHelperText(getTranslation("rules.field.effectiveFrom.help"));
        effectiveFrom.setMin(LocalDateTime.now(clock.withZone(formats.zone())));
        effectiveFrom.addValueChangeListener(change -> refreshPreview());
        FormLayout rates = new FormLayout(baseRate, greenRate, silverMultiplier, goldMultiplier);
        List.of(baseRate, greenRate, silverMultiplier, goldMultiplier).forEach(field -> field.addValueChangeListener(change -> refreshPreview()));

        TextField category = textField("rules.field.category");
        category.addClassName("rule-category");
        BigDecimalField rate = decimalField("rules.field.rate");
        rate.addClassName("rule-rate");
        categoryGrid.addClassName("category-rate-grid");
        unitGrid.addClassName("unit-rate-grid");
        comboGrid.addClassName("combo-grid");
        categoryGrid.addColumn(RuleSet.CategoryRate::category).setHeader(getTranslation("rules.field.category"));
        categoryGrid.addColumn(line -> line.pointsPerYuan().toPlainString()).setHeader(getTranslation("rules.field.rate"));
        removable(categoryGrid, categoryRates);
        Button addCategory = addButton("rules.addCategoryRate", () -> {
            if (required(category) & required(rate)) {
                categoryRates.add(new RuleSet.CategoryRate(category.getValue(), rate.getValue()));
                category.clear();
                rate.clear();
            }
        });
        addCategory.addClassName("add-category-rate");

        TextField unitCategory = textField("rules.field.category");
        IntegerField ordinary = integerField("tier.ORDINARY");
        IntegerField silver = integerField("tier.SILVER");
        IntegerField gold = integerField("tier.GOLD");
        unitGrid.addColumn(RuleSet.UnitRate::category).setHeader(getTranslation("rules.field.category"));
        unitGrid.addColumn(RuleSet.UnitRate::ordinaryPoints).setHeader(getTranslation("tier.ORDINARY"));
        unitGrid.addColumn(RuleSet.UnitRate::silverPoints).setHeader(getTranslation("tier.SILVER"));
        unitGrid.addColumn(RuleSet.UnitRate::goldPoints).setHeader(getTranslation("tier.GOLD"));
        removable(unitGrid, unitRates);
        Button addUnit = addButton("rules.addUnitRate", () -> {
            if (required(unitCategory) & required(ordinary) & required(silver) & required(gold)) {
                unitRates.add(new RuleSet.UnitRate(unitCategory.getValue(), ordinary.getValue(), silver.getValue(), gold.getValue()));
                List.of(unitCategory, ordinary, silver, gold).forEach(HasValue::clear);
            }
        });
        addUnit.addClassName("add-unit-rate");

        TextField first = textField("rules.field.firstCategory");
        TextField second = textField("rules.field.secondCategory");
        IntegerField comboPoints = integerField("rules.field.bonusPoints");
        comboGrid.addColumn(combo -> combo.firstCategory() + " + " + combo.secondCategory()).setHeader(getTranslation("rules.field.categories"));
        comboGrid.addColumn(RuleSet.ComboBonus::points).setHeader(getTranslation("rules.field.bonusPoints"));
        removable(comboGrid, combos);
        Button addCombo = addButton("rules.addCombo", () -> {
            if (required(first) & required(second) & required(comboPoints)) {
                combos.add(new RuleSet.ComboBonus(first.getValue(), second.getValue(), comboPoints.getValue()));
                List.of(first, second, comboPoints).forEach(HasValue::clear);
            }
        });
        addCombo.addClassName("add-combo");

        listErrors.addClassName("rule-list-error");
        listErrors.setVisible(false);
        Button disclose = new Button(getTranslation("rules.disclose"), click -> disclose());
        disclose.addClassName("disclose-rules");
        disclose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div editor = new Div(rates,
                new H3(getTranslation("rules.categoryRates")), row(category, rate, addCategory), categoryGrid,
                new H3(getTranslation("rules.unitRates")), new Paragraph(getTranslation("rules.unitRates.help")),
                row(unitCategory, ordinary, silver, gold, addUnit), unitGrid,
                new H3(getTranslation("rules.combos")), row(first, second, comboPoints, addCombo), comboGrid,
                listErrors, effectiveFrom, disclose);
        editor.addClassNames("card", "rules-editor");
        refreshLists();
        return editor;
    }

    private Component simulator() {
        tier.setLabel(getTranslation("rules.simulator.tier"));
        tier.setItems(Tier.values());
        tier.setItemLabelGenerator(value -> getTranslation("tier." + value.name()));
        tier.setValue(Tier.ORDINARY);
        firstHere.setLabel(getTranslation("rules.simulator.firstHere"));
        newMember.setLabel(getTranslation("rules.simulator.newMember"));
        tier.addValueChangeListener(change -> refreshPreview());
        firstHere.addValueChangeListener(change -> refreshPreview());
        newMember.addValueChangeListener(change -> refreshPreview());

        TextField name = textField("purchase.line.name");
        TextField category = textField("purchase.line.category");
        category.addClassName("basket-category");
        IntegerField quantity = integerField("purchase.line.quantity");
        quantity.addClassName("basket-quantity");
        quantity.setValue(1);
        BigDecimalField price = decimalField("purchase.line.unitPrice");
        price.addClassName("basket-price");
        Checkbox green = new Checkbox(getTranslation("purchase.line.greenHeader"));
        basketGrid.addClassName("basket-grid");
        basketGrid.addColumn(PurchaseRequest.Line::name).setHeader(getTranslation("purchase.line.name"));
        basketGrid.addColumn(PurchaseRequest.Line::category).setHeader(getTranslation("purchase.line.category"));
        basketGrid.addColumn(PurchaseRequest.Line::quantity).setHeader(getTranslation("purchase.line.quantity"));
        basketGrid.addColumn(line -> "¥" + line.unitPrice().toPlainString()).setHeader(getTranslation("purchase.line.unitPrice"));
        basketGrid.addColumn(line -> line.green() ? getTranslation("purchase.line.green") : "").setHeader(getTranslation("purchase.line.greenHeader"));
        removable(basketGrid, basket);
        basketGrid.setAllRowsVisible(true);
        Button addLine = addButton("rules.simulator.addLine", () -> {
            if (required(category) & required(quantity) & required(price)) {
                String label = name.isEmpty() ? category.getValue() : name.getValue();
                basket.add(new PurchaseRequest.Line("SIM-" + (basket.size() + 1), label, category.getValue(), quantity.getValue(),
                        price.getValue(), green.getValue(), null));
                name.clear();
                price.clear();
            }
        });
        addLine.addClassName("add-basket-line");

        preview.addClassName("simulation-grid");
        previewTotal.addClassName("simulation-total");
        Div simulator = new Div(row(tier, firstHere, newMember), row(name, category, quantity, price, green, addLine), basketGrid,
                preview, previewTotal);
        simulator.addClassNames("card", "basket-simulator");
        return simulator;
    }

    /**
     * Runs the draft over the basket, as a till's purchase would be when the draft takes effect (now, or the chosen
     * time, with the campaigns running then); a draft that fails its checks says why.
     */
    private void refreshPreview() {
        errors.clear();
        preview.show(List.of());
        if (basket.isEmpty()) {
            previewTotal.setText(getTranslation("rules.simulator.empty"));
            return;
        }
        Instant now = clock.instant();
        Instant from = effectiveFrom.isEmpty() ? now : effectiveFrom.getValue().atZone(formats.zone()).toInstant();
        Instant moment = from.isAfter(now) ? from : now;
        EarningFacts facts = new EarningFacts(tier.getValue(), firstHere.getValue(), newMember.getValue(),
                newMember.getValue() ? moment : Instant.EPOCH);
        try {
            PointsCalculation calculation = rules.simulate(draft(), basket, facts, moment);
            preview.show(calculation.lines().stream().map(PurchaseResult.RulePoints::of).toList());
            previewTotal.setText(getTranslation("rules.simulator.total", calculation.points()));
        } catch (InvalidInputException refused) {
            showRefusal(refused);
            previewTotal.setText(getTranslation("rules.simulator.invalid"));
        }
    }

    private void disclose() {
        errors.clear();
        listErrors.setVisible(false);
        try {
            Instant from = effectiveFrom.isEmpty() ? null : effectiveFrom.getValue().atZone(formats.zone()).toInstant();
            int version = rules.discloseMine(draft(), from);
            refreshVersions();
            Notification.show(getTranslation("rules.disclosed", version)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException refused) {
            showRefusal(refused);
        }
    }

    private void showRefusal(InvalidInputException refused) {
        if (List.of("categoryRates", "unitRates", "comboBonuses", "rules", "basket").contains(refused.field())) {
            listErrors.setText(getTranslation(refused.messageKey(), refused.arguments()));
            listErrors.setVisible(true);
        } else {
            errors.show(refused);
        }
    }

    private RuleSet draft() {
        return new RuleSet(baseRate.getValue(), categoryRates, unitRates, silverMultiplier.getValue(), goldMultiplier.getValue(),
                combos, greenRate.getValue());
    }

    private <T> void removable(Grid<T> grid, List<T> items) {
        grid.addComponentColumn(item -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                items.remove(item);
                refreshLists();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("action.remove"));
            remove.addClassName("remove-row");
            return remove;
        }).setKey("remove").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
    }

    private Button addButton(String key, Runnable add) {
        return new Button(getTranslation(key), VaadinIcon.PLUS.create(), click -> {
            add.run();
            refreshLists();
        });
    }

    private void refreshLists() {
        categoryGrid.setItems(categoryRates);
        unitGrid.setItems(unitRates);
        comboGrid.setItems(combos);
        basketGrid.setItems(basket);
        listErrors.setVisible(false);
        refreshPreview();
    }

    private boolean required(HasValue<?, ?> field) {
        boolean filled = !field.isEmpty() && !(field.getValue() instanceof String text && text.isBlank());
        if (field instanceof HasValidation validated) {
            validated.setErrorMessage(filled ? null : getTranslation("validation.required"));
            validated.setInvalid(!filled);
        }
        return filled;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private BigDecimalField decimalField(String key) {
        BigDecimalField field = new BigDecimalField(getTranslation(key));
        field.setMaxWidth("12em");
        return field;
    }

    private IntegerField integerField(String key) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setMaxWidth("10em");
        return field;
    }

    private TextField textField(String key) {
        TextField field = new TextField(getTranslation(key));
        field.setMaxLength(64);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.rules");
    }
}
