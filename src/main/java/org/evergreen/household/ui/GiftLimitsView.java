package org.evergreen.household.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.household.GiftLimits;
import org.evergreen.household.Households;
import org.evergreen.security.Roles;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/** Admins set how many points a member may give within their household per day and per month. */
@Route("admin/households")
@Menu(title = "nav.admin.households", order = 2.9, icon = "vaadin:family")
@RolesAllowed(Roles.ADMIN)
class GiftLimitsView extends VerticalLayout implements HasDynamicTitle {

    GiftLimitsView(Households households) {
        addClassName("gift-limits-view");
        GiftLimits limits = households.giftLimits();
        IntegerField daily = new IntegerField(getTranslation("household.limits.daily"));
        daily.setValue(Math.toIntExact(limits.daily()));
        IntegerField monthly = new IntegerField(getTranslation("household.limits.monthly"));
        monthly.setValue(Math.toIntExact(limits.monthly()));
        FormErrors errors = new FormErrors(this).field("dailyLimit", daily).field("monthlyLimit", monthly);
        Button save = new Button(getTranslation("action.save"), click -> {
            errors.clear();
            try {
                households.setGiftLimits(daily.getValue() == null ? null : daily.getValue().longValue(),
                        monthly.getValue() == null ? null : monthly.getValue().longValue());
                Notification.show(getTranslation("household.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addClassName("save-gift-limits");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("household.limits.help")), new FormLayout(daily, monthly), save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.households");
    }
}
