package org.evergreen.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.evergreen.earning.Conformance;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Disclosed against actual, for a merchant or all and a period: every purchase's points recomputed from its recorded
 * lines under the rule version it recorded; the purchases whose points differ are listed.
 */
abstract class ConformancePage extends VerticalLayout implements HasDynamicTitle {

    ConformancePage(Conformance conformance, MerchantDirectory merchants, DisplayFormats formats) {
        addClassName("conformance");
        setSizeFull();
        ComboBox<PublicMerchant> merchant = new ComboBox<>(getTranslation("audit.merchant"));
        merchant.setItems(query -> merchants.participants(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(merchants.participantCount()));
        merchant.setItemLabelGenerator(candidate -> candidate.name(getLocale()));
        merchant.setClearButtonVisible(true);
        ZoneId zone = formats.zone();
        LocalDate today = LocalDate.now(zone);
        DatePicker from = ComponentTexts.localized(new DatePicker(getTranslation("points.filter.from"), today.withDayOfMonth(1)));
        DatePicker to = ComponentTexts.localized(new DatePicker(getTranslation("points.filter.to"), today));
        Paragraph summary = new Paragraph();
        summary.addClassName("conformance-summary");
        Grid<Conformance.Finding> findings = new Grid<>();
        findings.addClassName("conformance-grid");
        findings.addColumn(Conformance.Finding::purchaseId).setHeader(getTranslation("conformance.purchase")).setAutoWidth(true);
        findings.addColumn(finding -> formats.dateTime(finding.purchasedAt(), getLocale())).setHeader(getTranslation("audit.time"));
        findings.addColumn(Conformance.Finding::merchantId).setHeader(getTranslation("audit.merchant"));
        findings.addColumn(finding -> formats.number(finding.recorded(), getLocale())).setHeader(getTranslation("conformance.recorded"));
        findings.addColumn(finding -> formats.number(finding.recomputed(), getLocale())).setHeader(getTranslation("conformance.recomputed"));
        findings.setEmptyStateText(getTranslation("conformance.none"));
        Button check = new Button(getTranslation("conformance.check"), click -> {
            if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
                summary.setText(getTranslation("conformance.period"));
                return;
            }
            Conformance.Report report;
            try {
                report = conformance.check(merchant.getValue() == null ? null : merchant.getValue().id(),
                        from.getValue().atStartOfDay(zone).toInstant(), to.getValue().plusDays(1).atStartOfDay(zone).toInstant());
            } catch (AccessDeniedException outsideSupervision) {
                summary.setText(getTranslation("conformance.outsideSupervision"));
                findings.setItems(List.of());
                return;
            }
            summary.setText(getTranslation("conformance.result", report.checked(), report.mismatches()));
            findings.setItems(report.findings());
        });
        check.addClassName("conformance-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(merchant, from, to, check);
        filters.setAlignItems(Alignment.BASELINE);
        add(new Paragraph(getTranslation("conformance.intro")), filters, summary, findings);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.conformance");
    }
}
