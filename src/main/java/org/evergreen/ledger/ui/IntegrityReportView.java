package org.evergreen.ledger.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.Ledger;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The ledger's invariant and integrity report: when it last ran, what it checked, every violation with the
 * entry, seal, account or lot it concerns, and a button to run it now (in the background, with progress).
 * The admin and regulator portals each give it a route.
 */
abstract class IntegrityReportView extends VerticalLayout implements HasDynamicTitle {

    private final Ledger ledger;
    private final DisplayFormats formats;
    private final TaskExecutor executor;
    private final String titleKey;
    private final Div summary = new Div();
    private final Grid<IntegrityReport.Violation> violations = new Grid<>();
    private final Button runNow = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final IntegerField publishedSeal = new IntegerField();
    private final TextField publishedHash = new TextField();

    IntegrityReportView(Ledger ledger, DisplayFormats formats, TaskExecutor executor, String titleKey) {
        this.ledger = ledger;
        this.formats = formats;
        this.executor = executor;
        this.titleKey = titleKey;
        addClassName("integrity-report");
        setSizeFull();

        summary.addClassName("card");
        violations.addClassName("violations");
        violations.addColumn(violation -> getTranslation("integrity.check." + violation.check().name()))
                .setHeader(getTranslation("integrity.column.check")).setAutoWidth(true);
        violations.addColumn(IntegrityReport.Violation::subjectId).setHeader(getTranslation("integrity.column.subject")).setAutoWidth(true);
        violations.addColumn(IntegrityReport.Violation::detail).setHeader(getTranslation("integrity.column.detail")).setFlexGrow(3);
        violations.setEmptyStateText(getTranslation("integrity.clean"));

        runNow.setText(getTranslation("integrity.runNow"));
        runNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runNow.addClickListener(click -> runInBackground());
        progress.setIndeterminate(true);
        progress.setVisible(false);

        // A head kept from the public page or an earlier export: the check then also proves nothing before it went missing.
        publishedSeal.setLabel(getTranslation("integrity.publishedSeal"));
        publishedSeal.addClassName("published-seal");
        publishedHash.setLabel(getTranslation("integrity.publishedHash"));
        publishedHash.setMaxLength(64);
        publishedHash.setWidth("36em");
        publishedHash.addClassName("published-hash");
        HorizontalLayout head = new HorizontalLayout(publishedSeal, publishedHash);
        head.setAlignItems(Alignment.BASELINE);

        // Until a check has run there is nothing to call clean: the grid (whose empty state says so) waits for a report.
        violations.setVisible(false);
        add(head, runNow, progress, summary, violations);
        ledger.lastIntegrityReport().ifPresentOrElse(this::show,
                () -> summary.add(new Paragraph(getTranslation("integrity.neverRun"))));
    }

    private void runInBackground() {
        UI ui = UI.getCurrent();
        Long sealId = publishedSeal.getValue() == null ? null : publishedSeal.getValue().longValue();
        String hash = publishedHash.getValue();
        runNow.setEnabled(false);
        progress.setVisible(true);
        ui.setPollInterval(500);
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            IntegrityReport report = sealId == null || hash.isBlank() ? ledger.verifyIntegrity() : ledger.verifyIntegrity(sealId, hash);
            ui.access(() -> {
                show(report);
                progress.setVisible(false);
                runNow.setEnabled(true);
                ui.setPollInterval(-1);
            });
        }));
    }

    private void show(IntegrityReport report) {
        summary.removeAll();
        Fact outcome = new Fact(getTranslation("integrity.outcome"),
                getTranslation(report.clean() ? "integrity.outcome.clean" : "integrity.outcome.violations", report.violations().size()));
        outcome.addClassName(report.clean() ? "integrity-clean" : "integrity-violations");
        summary.add(outcome,
                new Fact(getTranslation("integrity.lastRun"), formats.dateTime(report.finishedAt(), getLocale())),
                new Fact(getTranslation("integrity.entriesChecked"), formats.number(report.entriesChecked(), getLocale())));
        violations.setItems(report.violations());
        violations.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
