package org.evergreen.earning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.earning.EarningRules;
import org.evergreen.earning.PurchaseRefused;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.Purchases;
import org.evergreen.earning.RuleSet;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.CategoryNames;
import org.evergreen.shared.i18n.DisplayFormats;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A counter for shops without a till integration: staff scan or type the member's code or number, the lines and
 * the receipt number, and the purchase is recorded through the same service and rules as the till API. One key per
 * filled-in form: a second click, or a retry after a lost answer, records nothing twice.
 */
@Route("merchant/counter")
@Menu(title = "nav.merchant.counter", order = 1.5, icon = "vaadin:cash")
@RolesAllowed(Roles.MERCHANT)
class CounterView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_LINES = 20;
    private static final DateTimeFormatter RECEIPT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Purchases purchases;
    private final DisplayFormats formats;
    private final Clock clock;
    private final List<String> categories;
    private final Select<StoreSummary> store = new Select<>();
    private final TextField member = new TextField();
    private final TextField receipt = new TextField();
    private final VerticalLayout lines = new VerticalLayout();
    private final List<CounterLine> lineRows = new ArrayList<>();
    private final Paragraph total = new Paragraph();
    private final Div result = new Div();
    private final Button record = new Button();
    private String requestKey = UUID.randomUUID().toString();

    CounterView(Purchases purchases, MerchantDirectory merchants, EarningRules rules, DisplayFormats formats, Clock clock) {
        this.purchases = purchases;
        this.formats = formats;
        this.clock = clock;
        this.categories = categoriesOf(rules);
        addClassName("counter-view");

        store.setLabel(getTranslation("counter.store"));
        store.setItems(merchants.myStores().stream().filter(candidate -> candidate.closedAt() == null).toList());
        store.setItemLabelGenerator(candidate -> candidate.name(getLocale()));
        store.getListDataView().getItems().findFirst().ifPresent(store::setValue);
        member.setLabel(getTranslation("counter.member"));
        member.setHelperText(getTranslation("counter.member.help"));
        member.setMaxLength(20);
        member.setAutofocus(true);
        member.addClassName("counter-member");
        member.setWidth("16em");
        receipt.setLabel(getTranslation("counter.receipt"));
        receipt.setMaxLength(64);
        receipt.addClassName("counter-receipt");
        receipt.setWidth("18em");

        lines.setPadding(false);
        lines.addClassName("counter-lines");
        Button addLine = new Button(getTranslation("counter.addLine"), click -> addLine());
        addLine.addClassName("counter-add-line");
        total.addClassName("counter-total");

        record.setText(getTranslation("counter.record"));
        record.addClassName("counter-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.setDisableOnClick(true);
        record.addClickListener(click -> record());
        result.addClassName("counter-result");

        Paragraph green = new Paragraph(getTranslation("counter.greenNote"));
        green.add(new Anchor("green/methods", getTranslation("counter.greenMethods")));
        HorizontalLayout who = new HorizontalLayout(store, member, receipt);
        who.setAlignItems(Alignment.BASELINE);
        who.setWrap(true);
        add(who, lines, addLine, green, total, record, result);
        reset();
    }

    /** The categories the merchant's current rules name, offered first; any other code may be typed. */
    private static List<String> categoriesOf(EarningRules rules) {
        TreeSet<String> named = new TreeSet<>();
        rules.myVersions().stream().findFirst().map(version -> version.rules()).ifPresent((RuleSet current) -> {
            current.categoryRates().forEach(rate -> named.add(rate.category()));
            current.unitRates().forEach(rate -> named.add(rate.category()));
            current.comboBonuses().forEach(combo -> {
                named.add(combo.firstCategory());
                named.add(combo.secondCategory());
            });
        });
        return List.copyOf(named);
    }

    private void addLine() {
        if (lineRows.size() >= MAX_LINES) {
            return;
        }
        CounterLine line = new CounterLine(categories, code -> CategoryNames.name(code, getLocale()), this::showTotal);
        line.remove.addClickListener(click -> {
            if (lineRows.size() > 1) {
                lineRows.remove(line);
                lines.remove(line);
                showTotal();
            }
        });
        lineRows.add(line);
        lines.add(line);
    }

    private void showTotal() {
        total.setText(getTranslation("counter.total", DisplayFormats.money(sum(), "CNY")));
    }

    private BigDecimal sum() {
        return lineRows.stream().map(CounterLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Records the form's purchase; the answer to a repeated click is the first one's, whatever happened to it. */
    private void record() {
        result.removeAll();
        try {
            if (store.getValue() == null) {
                throw new PurchaseRefused(PurchaseRefused.Kind.WRONG_STORE, "wrong-store", "counter.storeRequired");
            }
            String typed = member.getValue().replaceAll("[\\s-]", "");
            boolean oneTimeCode = typed.length() == 10;
            PurchaseRequest request = new PurchaseRequest(oneTimeCode ? null : typed, oneTimeCode ? typed : null, null,
                    receipt.getValue().strip(), clock.instant(), "CNY", sum(),
                    IntStream.range(0, lineRows.size()).mapToObj(index -> lineRows.get(index).toRequestLine(index + 1)).toList());
            PurchaseResult recorded = purchases.recordAtCounter(store.getValue().id(), request, requestKey);
            Notification.show(getTranslation("counter.recorded", recorded.pointsEarned(), recorded.availablePoints()), 6000,
                            Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            Paragraph done = new Paragraph(getTranslation("counter.recorded", recorded.pointsEarned(), recorded.availablePoints()));
            done.addClassName("counter-recorded");
            reset();
            result.add(done);
        } catch (PurchaseRefused refused) {
            Paragraph error = new Paragraph(getTranslation(refused.detailKey()));
            error.addClassName("counter-error");
            result.add(error);
        } finally {
            record.setEnabled(true);
        }
    }

    /** A fresh form for the next customer, with a new request key and a receipt number the shop may keep or replace. */
    private void reset() {
        requestKey = UUID.randomUUID().toString();
        member.clear();
        receipt.setValue("C" + RECEIPT_TIME.format(clock.instant().atZone(formats.zone())) + "-" + (100 + RANDOM.nextInt(900)));
        lineRows.clear();
        lines.removeAll();
        addLine();
        showTotal();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.counter");
    }
}
