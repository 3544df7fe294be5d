package org.evergreen.compliance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import org.evergreen.compliance.Anomalies;
import org.evergreen.compliance.CaseBehaviour;
import org.evergreen.compliance.CaseDraft;
import org.evergreen.compliance.Finding;
import org.evergreen.compliance.Monitor;
import org.evergreen.compliance.MonitorSettings;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The anomaly monitors with their thresholds, and what they found, newest first. Admins set the thresholds, scan now,
 * and review each finding: dismiss it with a reason or open a case from it. Regulators read the same, unchanged.
 */
abstract class AnomaliesPage extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;

    private final Anomalies anomalies;
    private final MerchantDirectory merchants;
    private final DisplayFormats formats;
    private final boolean admin;
    private final Grid<MonitorSettings> monitors = new Grid<>();
    private final Select<Finding.Status> status = new Select<>();
    private final Div findings = new Div();

    AnomaliesPage(Anomalies anomalies, MerchantDirectory merchants, DisplayFormats formats, boolean admin) {
        this.anomalies = anomalies;
        this.merchants = merchants;
        this.formats = formats;
        this.admin = admin;
        addClassName("anomalies");

        monitors.addClassName("monitor-grid");
        monitors.addColumn(settings -> getTranslation("anomalies.monitor." + settings.monitor().name())).setHeader(getTranslation("anomalies.monitor"))
                .setAutoWidth(true);
        monitors.addColumn(this::rule).setHeader(getTranslation("anomalies.rule"));
        monitors.addColumn(settings -> getTranslation(settings.enabled() ? "anomalies.on" : "anomalies.off")).setHeader(getTranslation("anomalies.state"))
                .setAutoWidth(true);
        if (admin) {
            monitors.addComponentColumn(settings -> {
                Button edit = new Button(getTranslation("anomalies.edit"), click -> edit(settings));
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return edit;
            }).setKey("edit").setAutoWidth(true);
        }
        monitors.setAllRowsVisible(true);
        showMonitors();

        status.setLabel(getTranslation("anomalies.status"));
        status.setItems(Finding.Status.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("anomalies.status.any"));
        status.setItemLabelGenerator(value -> value == null ? getTranslation("anomalies.status.any") : getTranslation("anomalies.status." + value.name()));
        status.setValue(admin ? Finding.Status.NEW : null);
        status.addClassName("finding-status");
        status.addValueChangeListener(change -> showFindings());
        findings.setWidthFull();

        add(new Paragraph(getTranslation("anomalies.intro")), new H3(getTranslation("anomalies.monitors")), monitors,
                new H3(getTranslation("anomalies.findings")));
        if (admin) {
            Button scan = new Button(getTranslation("anomalies.scan"), click -> {
                int found = anomalies.scan();
                Notification.show(getTranslation("anomalies.scanned", found)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                showFindings();
            });
            scan.addClassName("anomalies-scan");
            add(scan);
        }
        add(status, findings);
        showFindings();
    }

    private void showMonitors() {
        monitors.setItems(List.copyOf(anomalies.settings().values()));
    }

    private String rule(MonitorSettings settings) {
        return getTranslation("anomalies.rule." + settings.monitor().name(), settings.threshold(), settings.windowMinutes(),
                settings.amount() == null ? "" : DisplayFormats.plain(settings.amount()), settings.percent() == null ? 0 : settings.percent());
    }

    /** The findings of the chosen status, a fresh list: a review changes what the list holds. */
    private void showFindings() {
        findings.removeAll();
        Grid<Finding> grid = new Grid<>();
        Button more = new Button(getTranslation("audit.more"));
        grid.addClassName("finding-grid");
        grid.addColumn(finding -> formats.dateTime(finding.detectedAt(), getLocale())).setHeader(getTranslation("anomalies.detectedAt")).setAutoWidth(true);
        grid.addColumn(finding -> getTranslation("anomalies.monitor." + finding.monitor().name())).setHeader(getTranslation("anomalies.monitor"))
                .setAutoWidth(true);
        grid.addColumn(finding -> finding.merchantId() == null ? "—" : merchants.publicMerchant(finding.merchantId()).name(getLocale()))
                .setHeader(getTranslation("audit.merchant"));
        grid.addColumn(this::description).setHeader(getTranslation("anomalies.observed"));
        grid.addColumn(finding -> getTranslation("anomalies.status." + finding.status().name())).setHeader(getTranslation("anomalies.status"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("anomalies.none"));
        grid.addItemClickListener(click -> open(click.getItem()));
        findings.add(grid, more);
        Finding.Status chosen = status.getValue();
        new NewestFirst<>(grid, more, PAGE, (before, limit) -> anomalies.page(chosen, before, limit), Finding::id);
    }

    private String description(Finding finding) {
        return getTranslation("anomalies.found." + finding.monitor().name(), finding.observed(), finding.detail(),
                formats.dateTime(finding.observedFrom(), getLocale()), formats.dateTime(finding.observedTo(), getLocale()));
    }

    private void open(Finding finding) {
        Map<Long, String> numbers = anomalies.memberNumbers(List.of(finding));
        Dialog dialog = new Dialog(getTranslation("anomalies.monitor." + finding.monitor().name()));
        dialog.addClassName("finding-dialog");
        Div facts = new Div(new Fact(getTranslation("anomalies.observed"), description(finding)),
                new Fact(getTranslation("anomalies.members"), finding.subjects().stream().map(subject -> numbers.getOrDefault(subject.memberId(), "?"))
                        .collect(Collectors.joining(getTranslation("list.separator")))),
                new Fact(getTranslation("anomalies.status"), getTranslation("anomalies.status." + finding.status().name())
                        + (finding.reviewNote() == null ? "" : " · " + finding.reviewNote())));
        facts.addClassName("card");
        dialog.add(facts);
        if (finding.caseId() != null) {
            Button openCase = new Button(getTranslation("anomalies.toCase"), click -> {
                dialog.close();
                UI.getCurrent().navigate((admin ? "admin" : "regulator") + "/case/" + finding.caseId());
            });
            dialog.getFooter().add(openCase);
        }
        if (admin && finding.status() == Finding.Status.NEW) {
            dialog.add(reviewForm(finding, numbers, dialog));
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), close -> dialog.close()));
        dialog.setWidth("48em");
        dialog.open();
    }

    /** Dismiss with a reason, or open a case against one of the finding's members with the entries that credited them. */
    private VerticalLayout reviewForm(Finding finding, Map<Long, String> numbers, Dialog dialog) {
        TextArea reason = new TextArea(getTranslation("anomalies.dismissReason"));
        reason.setMaxLength(1000);
        reason.setWidthFull();
        FormErrors dismissErrors = new FormErrors(this).field("note", reason);
        Button dismiss = new Button(getTranslation("anomalies.dismiss"), click -> {
            dismissErrors.clear();
            try {
                anomalies.dismiss(finding.id(), reason.getValue());
                dialog.close();
                showFindings();
            } catch (InvalidInputException refused) {
                dismissErrors.show(refused);
            }
        });
        dismiss.addClassName("finding-dismiss");

        Select<Finding.Subject> member = new Select<>();
        member.setLabel(getTranslation("audit.member"));
        member.setItems(finding.subjects());
        member.setItemLabelGenerator(subject -> subject == null ? "" : numbers.getOrDefault(subject.memberId(), "?"));
        if (!finding.subjects().isEmpty()) {
            member.setValue(finding.subjects().getFirst());
        }
        Select<CaseBehaviour> behaviour = new Select<>();
        behaviour.setLabel(getTranslation("cases.behaviour"));
        behaviour.setItems(CaseBehaviour.values());
        behaviour.setItemLabelGenerator(value -> getTranslation("case.behaviour." + value.name()));
        behaviour.setValue(finding.monitor() == Monitor.GIFT_CHAIN ? CaseBehaviour.POINTS_FARMING : CaseBehaviour.FAKE_ORDERS);
        IntegerField points = new IntegerField(getTranslation("cases.points"));
        IntegerField appealDays = new IntegerField(getTranslation("cases.appealDays"));
        appealDays.setValue(15);
        FormErrors caseErrors = new FormErrors(this).field("memberNumber", member).field("points", points).field("appealDays", appealDays)
                .field("entryIds", member);
        Button openCase = new Button(getTranslation("anomalies.openCase"), click -> {
            caseErrors.clear();
            Finding.Subject subject = member.getValue();
            try {
                long caseId = anomalies.openCase(finding.id(), new CaseDraft(subject == null ? null : numbers.get(subject.memberId()),
                        behaviour.getValue(), description(finding), subject == null ? "" : subject.entryIds().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")), points.getValue() == null ? null : points.getValue().longValue(),
                        appealDays.getValue()), getTranslation("anomalies.caseNote", getTranslation("anomalies.monitor." + finding.monitor().name()),
                        description(finding)));
                dialog.close();
                UI.getCurrent().navigate("admin/case/" + caseId);
            } catch (InvalidInputException refused) {
                caseErrors.show(refused);
            }
        });
        openCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        openCase.addClassName("finding-open-case");
        VerticalLayout review = new VerticalLayout(new H3(getTranslation("anomalies.review")), reason, dismiss,
                new FormLayout(member, behaviour, points, appealDays), openCase);
        review.setPadding(false);
        return review;
    }

    private void edit(MonitorSettings settings) {
        Dialog dialog = new Dialog(getTranslation("anomalies.monitor." + settings.monitor().name()));
        dialog.addClassName("monitor-dialog");
        Checkbox enabled = new Checkbox(getTranslation("anomalies.enabled"), settings.enabled());
        IntegerField threshold = new IntegerField(getTranslation("anomalies.threshold.label"));
        threshold.setValue(settings.threshold());
        IntegerField window = new IntegerField(getTranslation("anomalies.window.label"));
        window.setValue(settings.windowMinutes());
        BigDecimalField amount = new BigDecimalField(getTranslation("anomalies.amount.label"));
        amount.setValue(settings.amount());
        amount.setVisible(settings.monitor() == Monitor.JUST_UNDER_THRESHOLD);
        IntegerField percent = new IntegerField(getTranslation("anomalies.percent.label"));
        percent.setValue(settings.percent());
        percent.setVisible(settings.monitor() == Monitor.JUST_UNDER_THRESHOLD || settings.monitor() == Monitor.BURST);
        FormErrors errors = new FormErrors(this).field("threshold", threshold).field("windowMinutes", window).field("amount", amount)
                .field("percent", percent);
        Button save = new Button(getTranslation("action.save"), click -> {
            errors.clear();
            try {
                // An empty number is zero: the service refuses it with the field's own message.
                anomalies.configure(new MonitorSettings(settings.monitor(), enabled.getValue(), valueOf(threshold), valueOf(window),
                        amount.isVisible() ? amount.getValue() : null, percent.isVisible() ? valueOf(percent) : null));
                dialog.close();
                showMonitors();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("monitor-save");
        dialog.add(new Paragraph(rule(settings)), new FormLayout(enabled, threshold, window, amount, percent));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private static int valueOf(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.anomalies");
    }
}
