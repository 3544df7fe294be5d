package org.evergreen.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.catalog.PointValue;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Admins publish the value of a point and the floor that protects it (a change applies only after the notice
 * period, and members are told), and set the compensation for redemptions that merchants cancel.
 */
@Route("admin/catalog")
@Menu(title = "nav.admin.catalog", order = 2.8, icon = "vaadin:scale")
@RolesAllowed(Roles.ADMIN)
class CatalogPolicyView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogPolicies policies;
    private final DisplayFormats formats;
    private final UnorderedList upcoming = new UnorderedList();

    CatalogPolicyView(CatalogPolicies policies, DisplayFormats formats, Clock clock) {
        this.policies = policies;
        this.formats = formats;
        addClassName("catalog-policy-view");
        PointValue current = policies.currentValue();
        Div now = new Div(new Fact(getTranslation("catalog.policy.value"), "¥" + DisplayFormats.plain(current.yuanPerPoint())),
                new Fact(getTranslation("catalog.policy.floor"), "¥" + DisplayFormats.plain(current.floorPerPoint())));
        now.addClassName("card");
        upcoming.addClassName("upcoming-values");
        showUpcoming();

        BigDecimalField value = new BigDecimalField(getTranslation("catalog.policy.newValue"));
        BigDecimalField floor = new BigDecimalField(getTranslation("catalog.policy.newFloor"));
        LocalDate earliest = LocalDate.now(clock.withZone(formats.zone())).plusDays(policies.notice().toDays() + 1);
        DatePicker effective = ComponentTexts.localized(new DatePicker(getTranslation("catalog.policy.effectiveFrom"), earliest));
        effective.setMin(earliest);
        effective.setHelperText(getTranslation("catalog.policy.notice", policies.notice().toDays()));
        FormErrors valueErrors = new FormErrors(this).field("yuanPerPoint", value).field("floorPerPoint", floor)
                .field("effectiveFrom", effective);
        Button announce = new Button(getTranslation("catalog.policy.announce"), click -> {
            valueErrors.clear();
            try {
                policies.announceValue(value.getValue(), floor.getValue(),
                        effective.isEmpty() ? null : effective.getValue().atStartOfDay(formats.zone()).toInstant());
                showUpcoming();
                Notification.show(getTranslation("catalog.policy.announced")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                valueErrors.show(refused);
            }
        });
        announce.addClassName("announce-value");
        announce.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        BigDecimalField compensation = new BigDecimalField(getTranslation("catalog.policy.compensation"));
        compensation.setValue(policies.compensationPercent());
        compensation.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        FormErrors compensationErrors = new FormErrors(this).field("compensationPercent", compensation);
        Button saveCompensation = new Button(getTranslation("action.save"), click -> {
            compensationErrors.clear();
            try {
                policies.setCompensationPercent(compensation.getValue());
                Notification.show(getTranslation("catalog.policy.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                compensationErrors.show(refused);
            }
        });
        saveCompensation.addClassName("save-compensation");
        saveCompensation.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H3(getTranslation("catalog.policy.valueTitle")), new Paragraph(getTranslation("catalog.policy.valueHelp")), now,
                upcoming, new FormLayout(value, floor, effective), announce,
                new H3(getTranslation("catalog.policy.compensationTitle")), new Paragraph(getTranslation("catalog.policy.compensationHelp")),
                new FormLayout(compensation), saveCompensation);
    }

    private void showUpcoming() {
        upcoming.removeAll();
        for (PointValue value : policies.upcomingValues()) {
            upcoming.add(new ListItem(getTranslation("catalog.policy.upcoming", formats.date(value.effectiveFrom(), getLocale()),
                    DisplayFormats.plain(value.yuanPerPoint()), DisplayFormats.plain(value.floorPerPoint()))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.catalog");
    }
}
