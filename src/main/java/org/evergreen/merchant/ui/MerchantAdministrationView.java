package org.evergreen.merchant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.MerchantSummary;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/** Admins see every merchant and give a merchant's staff their first login. */
@Route("admin/merchants")
@Menu(title = "nav.admin.merchants", order = 2, icon = "vaadin:shop")
@RolesAllowed(Roles.ADMIN)
class MerchantAdministrationView extends VerticalLayout implements HasDynamicTitle {

    private final MerchantDirectory directory;

    MerchantAdministrationView(MerchantDirectory directory, DisplayFormats formats) {
        this.directory = directory;
        addClassName("merchant-administration-view");
        setSizeFull();
        MerchantGrid grid = new MerchantGrid(directory, formats);
        Button addStaff = new Button(getTranslation("merchant.staff.add"), click ->
                grid.asSingleSelect().getOptionalValue().ifPresent(this::openStaffDialog));
        addStaff.setEnabled(false);
        addStaff.addClassName("add-staff");
        grid.asSingleSelect().addValueChangeListener(event -> addStaff.setEnabled(event.getValue() != null));
        add(addStaff, grid);
    }

    private void openStaffDialog(MerchantSummary merchant) {
        Dialog dialog = new Dialog(getTranslation("merchant.staff.dialogTitle", merchant.name(getLocale())));
        TextField username = new TextField(getTranslation("users.username"));
        username.setMaxLength(32);
        TextField displayName = new TextField(getTranslation("users.displayName"));
        displayName.setMaxLength(32);
        PasswordField password = new PasswordField(getTranslation("users.initialPassword"));
        password.setMaxLength(64);
        FormErrors errors = new FormErrors(this).field("username", username).field("displayName", displayName)
                .field("password", password);
        Button create = new Button(getTranslation("users.create"), click -> {
            errors.clear();
            try {
                directory.createStaffLogin(merchant.id(), username.getValue(), displayName.getValue(), password.getValue());
                dialog.close();
                Notification.show(getTranslation("merchant.staff.created", username.getValue().strip()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(username, displayName, password));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), create);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.merchants");
    }
}
