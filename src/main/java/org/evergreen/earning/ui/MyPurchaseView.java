package org.evergreen.earning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.earning.Campaigns;
import org.evergreen.earning.GreenLineClassifier;
import org.evergreen.earning.MemberPurchase;
import org.evergreen.earning.MemberPurchases;
import org.evergreen.earning.PurchaseDetails;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.CategoryNames;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;

import java.util.Map;
import java.util.stream.Collectors;

/** A member opens an earn from their history: the purchase's lines and every rule (and campaign) that produced its points. */
@Route("member/purchases")
@RolesAllowed(Roles.MEMBER)
class MyPurchaseView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final MemberPurchases purchases;
    private final Campaigns campaigns;
    private final GreenLineClassifier greenLines;
    private final DisplayFormats formats;

    MyPurchaseView(MemberPurchases purchases, Campaigns campaigns, GreenLineClassifier greenLines, DisplayFormats formats) {
        this.purchases = purchases;
        this.campaigns = campaigns;
        this.greenLines = greenLines;
        this.formats = formats;
        addClassName("my-purchase-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long purchaseId) {
        removeAll();
        purchases.myPurchase(purchaseId).ifPresentOrElse(this::show,
                () -> add(new Paragraph(getTranslation("purchase.notFound"))));
    }

    private void show(MemberPurchase purchase) {
        var details = purchase.details();
        Div card = new Div(
                new Fact(getTranslation("purchase.time"), formats.dateTime(details.purchasedAt(), getLocale())),
                new Fact(getTranslation("purchase.receipt"), details.receiptNumber()),
                new Fact(getTranslation("purchase.total"), DisplayFormats.money(details.total(), details.currency())),
                new Fact(getTranslation("purchase.points"), formats.number(details.pointsEarned(), getLocale())),
                new Fact(getTranslation("purchase.tier"), getTranslation("tier." + details.tier().name())));
        card.addClassName("card");
        Grid<PurchaseDetails.Line> lines = new Grid<>();
        lines.addClassName("purchase-lines");
        lines.addColumn(PurchaseDetails.Line::name).setHeader(getTranslation("purchase.line.name")).setFlexGrow(2);
        lines.addColumn(line -> CategoryNames.name(line.category(), getLocale())).setHeader(getTranslation("purchase.line.category"));
        lines.addColumn(PurchaseDetails.Line::quantity).setHeader(getTranslation("purchase.line.quantity"));
        lines.addColumn(line -> "¥" + line.unitPrice().toPlainString()).setHeader(getTranslation("purchase.line.unitPrice"));
        lines.addColumn(line -> !line.green() ? "" : line.greenMethod() == null ? getTranslation("purchase.line.green")
                : greenLines.methodName(line.greenMethod(), getLocale())).setHeader(getTranslation("purchase.line.greenHeader"));
        lines.addColumn(line -> line.co2eGrams() == null ? "" : getTranslation("purchase.line.co2eValue",
                formats.number(line.co2eGrams(), getLocale()))).setHeader(getTranslation("purchase.line.co2e"));
        lines.setItems(details.lines());
        lines.setAllRowsVisible(true);
        BreakdownGrid rules = new BreakdownGrid(campaigns, formats);
        rules.addClassName("purchase-rules");
        rules.show(details.breakdown());
        add(new H2(purchase.merchant().name(getLocale())), card, lines, new H3(getTranslation("purchase.rules")), rules);
        if (!purchase.refunds().isEmpty()) {
            add(new H3(getTranslation("purchase.refunds")), refunds(purchase));
        }
    }

    /** Each refund of the purchase: when, the money back, what was returned, and the points it took back. */
    private UnorderedList refunds(MemberPurchase purchase) {
        Map<String, String> names = purchase.details().lines().stream()
                .collect(Collectors.toMap(PurchaseDetails.Line::sku, PurchaseDetails.Line::name, (first, second) -> first));
        UnorderedList list = new UnorderedList();
        list.addClassName("purchase-refunds");
        for (MemberPurchase.Refund refund : purchase.refunds()) {
            String returned = refund.lines().stream().map(line -> names.getOrDefault(line.sku(), line.sku()) + " ×" + line.quantity())
                    .collect(Collectors.joining(getTranslation("list.separator")));
            list.add(new ListItem(getTranslation("purchase.refund", formats.dateTime(refund.refundedAt(), getLocale()),
                    DisplayFormats.money(refund.amount(), purchase.details().currency()), returned, refund.points())));
        }
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("purchase.title");
    }
}
