package org.evergreen.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.NewStaffUser;
import org.evergreen.security.Role;
import org.evergreen.security.Roles;
import org.evergreen.security.UserAccounts;
import org.evergreen.security.UserSummary;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.time.Clock;

/** Admins list everyone who can sign in, create admin and regulator logins, and lift lock-outs. */
@Route("admin")
@Menu(title = "nav.admin.users", order = 1, icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
class UserAdministrationView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccounts userAccounts;
    private final Grid<UserSummary> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<UserSummary, Void, Role> users;

    UserAdministrationView(UserAccounts userAccounts, DisplayFormats formats, Clock clock) {
        this.userAccounts = userAccounts;
        addClassName("user-administration-view");
        setSizeFull();

        users = DataProvider.<UserSummary, Role>fromFilteringCallbacks(
                query -> userAccounts.page(query.getFilter().orElse(null), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(userAccounts.count(query.getFilter().orElse(null))))
                .withConfigurableFilter();
        grid.addClassName("user-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username"));
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.displayName"));
        grid.addColumn(user -> getTranslation("role." + user.role().name())).setHeader(getTranslation("users.role"));
        grid.addColumn(user -> formats.date(user.createdAt(), getLocale())).setHeader(getTranslation("users.created"));
        grid.addColumn(user -> user.lockedAt(clock.instant())
                ? getTranslation("users.lockedUntil", formats.dateTime(user.lockedUntil(), getLocale())) : "")
                .setHeader(getTranslation("users.status"));
        grid.addComponentColumn(user -> {
            Button unlock = new Button(getTranslation("users.unlock"), click -> {
                userAccounts.unlock(user.id());
                users.refreshAll();
            });
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL);
            unlock.setVisible(user.lockedAt(clock.instant()));
            return unlock;
        });
        grid.setItems(users);

        Select<Role> roleFilter = new Select<>();
        roleFilter.setLabel(getTranslation("users.filterByRole"));
        roleFilter.setItems(Role.values());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("users.allRoles"));
        roleFilter.setItemLabelGenerator(role -> role == null ? getTranslation("users.allRoles") : getTranslation("role." + role.name()));
        roleFilter.addValueChangeListener(event -> users.setFilter(event.getValue()));

        Button create = new Button(getTranslation("users.createStaff"), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(roleFilter, create);
        toolbar.setAlignItems(Alignment.END);
        add(toolbar, grid);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog(getTranslation("users.createStaff"));
        TextField username = new TextField(getTranslation("users.username"));
        username.setMaxLength(32);
        TextField displayName = new TextField(getTranslation("users.displayName"));
        displayName.setMaxLength(32);
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.ADMIN, Role.REGULATOR);
        role.setItemLabelGenerator(value -> getTranslation("role." + value.name()));
        role.setValue(Role.REGULATOR);
        PasswordField password = new PasswordField(getTranslation("users.initialPassword"));
        password.setMaxLength(64);
        FormErrors errors = new FormErrors(this).field("username", username).field("displayName", displayName)
                .field("role", role).field("password", password);
        Button save = new Button(getTranslation("users.create"), click -> {
            errors.clear();
            try {
                userAccounts.createStaffUser(new NewStaffUser(username.getValue(), displayName.getValue(),
                        role.getValue(), password.getValue()));
                dialog.close();
                users.refreshAll();
                Notification.show(getTranslation("users.created.notification", username.getValue().strip()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(username, displayName, role, password));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.users");
    }
}
