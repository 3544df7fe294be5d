package org.evergreen.green.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.green.FactorVersion;
import org.evergreen.green.GreenMethod;
import org.evergreen.green.GreenMethods;
import org.evergreen.green.GreenReconciliation;
import org.evergreen.green.ReconciliationReport;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Admins keep the methodology registry: they publish a method with its first factor, and supersede a factor with a new
 * version that applies after the notice. Nothing published is changed; the public methods page shows every version.
 */
@Route("admin/green-methods")
@Menu(title = "nav.admin.greenMethods", order = 2.85, icon = "vaadin:sun-o")
@RolesAllowed(Roles.ADMIN)
class AdminGreenMethodsView extends VerticalLayout implements HasDynamicTitle {

    private final GreenMethods methods;
    private final GreenTexts texts;
    private final Clock clock;
    private final DisplayFormats formats;
    private final Grid<GreenMethod> grid = new Grid<>();
    private final Div versionPanel = new Div();

    private final GreenReconciliation reconciliation;
    private final Div check = new Div();

    AdminGreenMethodsView(GreenMethods methods, GreenReconciliation reconciliation, DisplayFormats formats, Clock clock) {
        this.methods = methods;
        this.reconciliation = reconciliation;
        this.formats = formats;
        this.clock = clock;
        this.texts = new GreenTexts(this, formats);
        addClassName("admin-green-methods-view");

        grid.addClassName("green-methods-grid");
        grid.addColumn(method -> method.name(getLocale())).setHeader(getTranslation("green.admin.name")).setAutoWidth(true);
        grid.addColumn(GreenMethod::code).setHeader(getTranslation("green.admin.code")).setAutoWidth(true);
        grid.addColumn(method -> String.join(", ", method.categories())).setHeader(getTranslation("green.admin.categories"));
        grid.addColumn(method -> method.versions().isEmpty() ? "" : texts.factor(method, method.versions().getLast().gramsPerBasis()))
                .setHeader(getTranslation("green.methods.factor")).setAutoWidth(true);
        grid.addColumn(method -> method.versions().isEmpty() ? "" : texts.validity(method, method.versions().getLast()))
                .setHeader(getTranslation("green.methods.version")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(change -> showVersionForm(change.getValue()));
        grid.setItems(methods.published());
        versionPanel.addClassName("new-version");

        check.addClassNames("card", "green-check");
        showCheck(reconciliation.last().orElse(null));
        add(new Paragraph(getTranslation("green.admin.intro")), new Anchor("green/methods", getTranslation("green.admin.publicPage")), grid,
                versionPanel, newMethodPanel(), check);
    }

    /** The last check of the aggregates against the purchase records, and a button to check now. */
    private void showCheck(@Nullable ReconciliationReport report) {
        check.removeAll();
        check.add(new H3(getTranslation("green.check.title")));
        if (report == null) {
            check.add(new Paragraph(getTranslation("green.check.never")));
        } else {
            Paragraph summary = new Paragraph(getTranslation(report.mismatches() == 0 ? "green.check.clean" : "green.check.differs",
                    formats.dateTime(report.ranAt(), getLocale()), report.compared(), report.mismatches()));
            summary.addClassName("green-check-summary");
            check.add(summary);
            UnorderedList differences = new UnorderedList();
            report.differences().forEach(difference -> differences.add(new ListItem(getTranslation("green.check.difference",
                    difference.memberId(), difference.month().toString(), String.join(getTranslation("green.check.separator"),
                            difference.fields().stream().map(field -> getTranslation("green.check.field", getTranslation("green.check.field."
                                    + field.name()), field.kept(), field.recomputed())).toList())))));
            check.add(differences);
        }
        Button now = new Button(getTranslation("green.check.now"), click -> showCheck(reconciliation.check()));
        now.addClassName("green-check-now");
        check.add(now);
    }

    private LocalDateTime earliestStart() {
        return LocalDateTime.ofInstant(clock.instant().plus(methods.notice()), formats.zone()).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    }

    private void showVersionForm(GreenMethod method) {
        versionPanel.removeAll();
        if (method == null) {
            return;
        }
        FactorForm factor = new FactorForm(formats.zone(), earliestStart(), methods.notice().toMinutes());
        FactorVersion last = method.versions().getLast();
        factor.grams.setValue(last.gramsPerBasis());
        factor.baselineZh.setValue(last.baselineZh());
        factor.baselineEn.setValue(last.baselineEn());
        factor.source.setValue(last.source());
        FormErrors errors = new FormErrors(this);
        factor.reportTo(errors);
        Button publish = new Button(getTranslation("green.admin.publishVersion", last.version() + 1), click -> {
            errors.clear();
            try {
                FactorVersion published = methods.publishFactor(method.id(), factor.draft());
                Notification.show(getTranslation("green.admin.versionPublished", method.name(getLocale()), published.version()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        publish.addClassName("publish-version");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        versionPanel.add(new H3(getTranslation("green.admin.newVersion", method.name(getLocale()))), factor, publish);
    }

    private Div newMethodPanel() {
        MethodForm method = new MethodForm();
        FactorForm factor = new FactorForm(formats.zone(), earliestStart(), methods.notice().toMinutes());
        FormErrors errors = new FormErrors(this);
        method.reportTo(errors);
        factor.reportTo(errors);
        Button add = new Button(getTranslation("green.admin.addMethod"), click -> {
            errors.clear();
            try {
                GreenMethod added = methods.addMethod(method.draft(), factor.draft());
                Notification.show(getTranslation("green.admin.methodAdded", added.name(getLocale())))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        add.addClassName("add-method");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div panel = new Div(new H3(getTranslation("green.admin.newMethod")), method, factor, add);
        panel.addClassNames("card", "new-method");
        return panel;
    }

    private void refresh() {
        grid.setItems(methods.published());
        versionPanel.removeAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.greenMethods");
    }
}
