package org.evergreen.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.evergreen.catalog.Redemption;
import org.evergreen.compliance.AuditEntry;
import org.evergreen.compliance.AuditEntryDetail;
import org.evergreen.compliance.AuditFilter;
import org.evergreen.compliance.AuditPage;
import org.evergreen.compliance.AuditTrail;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.Ledger;
import org.evergreen.merchant.AdministrativeRegions;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.merchant.Region;
import org.evergreen.shared.i18n.CategoryNames;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.i18n.SupportedLocales;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.Fact;
import org.jspecify.annotations.Nullable;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal as regulators and admins audit it: every entry, filtered by member, merchant, kind, dates and points,
 * newest first, a page at a time by cursor ("more" reads the next page from the database); each opens to its postings,
 * its seal and the purchase it was earned by. The filtered view exports as CSV, streamed, with the seal head.
 */
abstract class AuditTrailPage extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;

    private final AuditTrail trail;
    private final DisplayFormats formats;
    private final TextField member = new TextField();
    private final ComboBox<PublicMerchant> merchant = new ComboBox<>();
    private final ComboBox<Region> region = new ComboBox<>();
    private final Select<EntryKind> kind = new Select<>();
    private final DatePicker from = ComponentTexts.localized(new DatePicker());
    private final DatePicker to = ComponentTexts.localized(new DatePicker());
    private final IntegerField minPoints = new IntegerField();
    private final IntegerField maxPoints = new IntegerField();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Button more = new Button();
    private final List<AuditEntry> shown = new ArrayList<>();
    private AuditFilter filter = AuditFilter.ALL;
    private @Nullable Long cursor;

    /** Where this portal opens a case: "admin/case" or "regulator/case". */
    private final String casePath;

    AuditTrailPage(AuditTrail trail, Ledger ledger, MerchantDirectory merchants, DisplayFormats formats, String casePath) {
        this.trail = trail;
        this.casePath = casePath;
        this.formats = formats;
        addClassName("audit-trail");
        setSizeFull();

        member.setLabel(getTranslation("audit.member"));
        member.setMaxLength(20);
        member.addClassName("audit-member");
        merchant.setLabel(getTranslation("audit.merchant"));
        merchant.setItems(query -> merchants.participants(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(merchants.participantCount()));
        merchant.setItemLabelGenerator(candidate -> candidate.name(getLocale()));
        merchant.setClearButtonVisible(true);
        region.setLabel(getTranslation("audit.report.region"));
        region.setItems(AdministrativeRegions.districts());
        region.setItemLabelGenerator(district -> district.name(getLocale()));
        region.setClearButtonVisible(true);
        region.addClassName("audit-region");
        kind.setLabel(getTranslation("audit.kind"));
        kind.setItems(EntryKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("audit.kind.any"));
        kind.setItemLabelGenerator(value -> value == null ? getTranslation("audit.kind.any") : getTranslation("points.kind." + value.name()));
        from.setLabel(getTranslation("points.filter.from"));
        to.setLabel(getTranslation("points.filter.to"));
        minPoints.setLabel(getTranslation("audit.minPoints"));
        maxPoints.setLabel(getTranslation("audit.maxPoints"));
        Button search = new Button(getTranslation("audit.search"), click -> search());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClassName("audit-search");
        FlexLayout filters = new FlexLayout(member, merchant, region, kind, from, to, minPoints, maxPoints, search);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.addClassName("audit-filters");

        grid.addClassName("audit-grid");
        grid.addColumn(AuditEntry::entryId).setHeader(getTranslation("audit.entry")).setAutoWidth(true);
        grid.addColumn(entry -> formats.dateTime(entry.createdAt(), getLocale())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        grid.addColumn(entry -> getTranslation("points.kind." + entry.kind().name())).setHeader(getTranslation("audit.kind")).setAutoWidth(true);
        grid.addColumn(entry -> formats.number(entry.points(), getLocale())).setHeader(getTranslation("audit.points")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor"));
        grid.addColumn(entry -> entry.reference() == null ? "" : entry.reference()).setHeader(getTranslation("audit.reference"));
        grid.addColumn(entry -> entry.sealId() == null ? getTranslation("audit.unsealed") : String.valueOf(entry.sealId()))
                .setHeader(getTranslation("audit.seal")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.addItemClickListener(click -> open(click.getItem()));

        more.setText(getTranslation("audit.more"));
        more.addClassName("audit-more");
        more.addClickListener(click -> loadPage());

        Anchor export = new Anchor(exportHandler(), getTranslation("audit.export"));
        export.addClassName("audit-export");
        Paragraph head = new Paragraph(ledger.sealHead().map(seal -> getTranslation("audit.sealHead", seal.sealId(), seal.sealHash(),
                formats.dateTime(seal.sealedAt(), getLocale()))).orElse(getTranslation("audit.sealHead.none")));
        head.addClassName("audit-seal-head");

        add(filters, head, export, grid, more);
        search();
    }

    private void search() {
        ZoneId zone = formats.zone();
        PublicMerchant chosen = merchant.getValue();
        filter = new AuditFilter(member.getValue().isBlank() ? null : member.getValue().replaceAll("\\s", ""),
                chosen == null ? null : chosen.id(), region.getValue() == null ? null : region.getValue().code(), kind.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                minPoints.getValue() == null ? null : minPoints.getValue().longValue(),
                maxPoints.getValue() == null ? null : maxPoints.getValue().longValue());
        shown.clear();
        cursor = null;
        loadPage();
    }

    private void loadPage() {
        AuditPage page = trail.page(filter, cursor, PAGE);
        shown.addAll(page.entries());
        cursor = page.next();
        grid.setItems(shown);
        more.setVisible(cursor != null);
    }

    /** The filtered view as CSV, written to the response as the pages are read: memory stays the same for any size. */
    private DownloadHandler exportHandler() {
        return event -> {
            event.setFileName("evergreen-audit-trail.csv");
            event.setContentType("text/csv; charset=UTF-8");
            Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            trail.export(filter, out);
            out.flush();
        };
    }

    private void open(AuditEntry entry) {
        trail.entry(entry.entryId()).ifPresent(detail -> {
            Dialog dialog = new Dialog(getTranslation("audit.entry.title", entry.entryId()));
            dialog.addClassName("audit-entry-dialog");
            Div facts = new Div(new Fact(getTranslation("audit.kind"), getTranslation("points.kind." + entry.kind().name())),
                    new Fact(getTranslation("audit.time"), formats.dateTime(entry.createdAt(), getLocale())),
                    new Fact(getTranslation("audit.actor"), entry.actor()),
                    new Fact(getTranslation("audit.reason"), entry.reason()),
                    new Fact(getTranslation("audit.reference"), entry.reference() == null ? "—" : entry.reference()));
            if (entry.caseReference() != null) {
                facts.add(new Fact(getTranslation("audit.case"), entry.caseReference()));
            }
            facts.addClassName("card");
            Grid<AuditEntryDetail.Movement> postings = new Grid<>();
            postings.addClassName("audit-postings");
            postings.addColumn(posting -> getTranslation("audit.account." + posting.accountType().name(), posting.ownerId()))
                    .setHeader(getTranslation("audit.account"));
            postings.addColumn(posting -> formats.number(posting.amount(), getLocale())).setHeader(getTranslation("audit.points"));
            postings.setItems(detail.postings());
            postings.setAllRowsVisible(true);
            Paragraph seal = new Paragraph(detail.seal() == null ? getTranslation("audit.unsealed")
                    : getTranslation("audit.sealedBy", detail.seal().sealId(), detail.seal().sealHash(),
                    formats.dateTime(detail.seal().sealedAt(), getLocale())));
            seal.addClassName("audit-entry-seal");
            dialog.add(facts, new H3(getTranslation("audit.postings")), postings, seal);
            if (detail.purchase() != null) {
                Grid<org.evergreen.earning.PurchaseDetails.Line> lines = new Grid<>();
                lines.addClassName("audit-purchase-lines");
                lines.addColumn(org.evergreen.earning.PurchaseDetails.Line::name).setHeader(getTranslation("purchase.line.name"));
                lines.addColumn(line -> CategoryNames.name(line.category(), getLocale())).setHeader(getTranslation("purchase.line.category"));
                lines.addColumn(org.evergreen.earning.PurchaseDetails.Line::quantity).setHeader(getTranslation("purchase.line.quantity"));
                lines.addColumn(line -> DisplayFormats.money(line.unitPrice(), detail.purchase().currency()))
                        .setHeader(getTranslation("purchase.line.unitPrice"));
                lines.setItems(detail.purchase().lines());
                lines.setAllRowsVisible(true);
                dialog.add(new H3(getTranslation("audit.purchase", detail.purchase().receiptNumber(), detail.purchase().ruleVersion())), lines);
            }
            Redemption redemption = detail.redemption();
            if (redemption != null) {
                Div origin = new Div(new Fact(getTranslation("audit.redemption.reward"),
                        SupportedLocales.pick(getLocale(), redemption.rewardNameZh(), redemption.rewardNameEn()) + " × " + redemption.quantity()),
                        new Fact(getTranslation("audit.points"), formats.number(redemption.points(), getLocale())),
                        new Fact(getTranslation("audit.redemption.cash"), redemption.cashAmount() == null ? "—"
                                : DisplayFormats.money(redemption.cashAmount(), redemption.currency())),
                        new Fact(getTranslation("audit.redemption.status"), getTranslation("audit.redemption.status." + redemption.status().name())),
                        new Fact(getTranslation("audit.time"), formats.dateTime(redemption.createdAt(), getLocale())));
                origin.addClassNames("card", "audit-redemption");
                dialog.add(new H3(getTranslation("audit.redemption", redemption.code())), origin);
            }
            if (detail.caseId() != null) {
                Anchor openCase = new Anchor(casePath + "/" + detail.caseId(), getTranslation("audit.openCase", entry.caseReference()));
                openCase.addClassName("audit-case-link");
                dialog.add(new Paragraph(openCase));
            }
            dialog.getFooter().add(new Button(getTranslation("action.close"), close -> dialog.close()));
            dialog.setWidth("56em");
            dialog.open();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.regulator.auditTrail");
    }
}
