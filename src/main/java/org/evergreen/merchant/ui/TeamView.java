package org.evergreen.merchant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.merchant.AdministrativeRegions;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.Region;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Roles;
import org.evergreen.security.UserSummary;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.util.function.Supplier;

/**
 * A merchant's owners manage its staff logins (add cashiers, stop them signing in or let them again) and its stores (open,
 * correct, close). Cashiers do not see this page.
 */
@Route("merchant/team")
@Menu(title = "nav.merchant.team", order = 4, icon = "vaadin:group")
@RolesAllowed(Roles.MERCHANT_OWNER)
class TeamView extends VerticalLayout implements HasDynamicTitle {

    private final MerchantDirectory directory;
    private final Grid<UserSummary> staff = new Grid<>();
    private final Grid<StoreSummary> stores = new Grid<>();

    TeamView(MerchantDirectory directory) {
        this.directory = directory;
        addClassName("team-view");

        staff.addClassName("staff-grid");
        staff.addColumn(UserSummary::username).setHeader(getTranslation("users.username"));
        staff.addColumn(UserSummary::displayName).setHeader(getTranslation("users.displayName"));
        staff.addColumn(user -> getTranslation("merchantRole." + user.merchantRole())).setHeader(getTranslation("users.role"));
        staff.addColumn(user -> getTranslation(user.enabled() ? "team.staff.active" : "team.staff.disabled"))
                .setHeader(getTranslation("team.status")).setKey("status");
        staff.addComponentColumn(this::staffAction).setKey("action");
        staff.setAllRowsVisible(true);
        stores.addClassName("store-grid");
        stores.addColumn(store -> store.name(getLocale())).setHeader(getTranslation("store.name"));
        stores.addColumn(store -> store.city(getLocale())).setHeader(getTranslation("store.city"));
        stores.addColumn(StoreSummary::address).setHeader(getTranslation("store.address")).setFlexGrow(2);
        stores.addColumn(store -> AdministrativeRegions.byCode(store.regionCode()).map(region -> region.name(getLocale()))
                .orElse(getTranslation("store.regionMissing"))).setHeader(getTranslation("store.region")).setAutoWidth(true);
        stores.addColumn(store -> getTranslation(store.open() ? "team.store.open" : "team.store.closed"))
                .setHeader(getTranslation("team.status")).setKey("status");
        stores.addComponentColumn(this::storeActions).setKey("actions").setAutoWidth(true);
        stores.setAllRowsVisible(true);
        refresh();

        Button addCashier = new Button(getTranslation("team.addCashier"), click -> openCashierDialog());
        Button addStore = new Button(getTranslation("team.addStore"), click -> openStoreDialog(null));
        add(new H3(getTranslation("team.staff")), addCashier, staff, new H3(getTranslation("merchant.stores")), addStore, stores);
    }

    private void refresh() {
        staff.setItems(directory.myStaff());
        stores.setItems(directory.myStores());
    }

    /** Owners are the platform's to change; a cashier can be stopped from signing in, and let in again. */
    private Component staffAction(UserSummary user) {
        if (user.merchantRole() != MerchantRole.CASHIER) {
            return new Span();
        }
        Button toggle = new Button(getTranslation(user.enabled() ? "team.staff.disable" : "team.staff.enable"), click -> {
            try {
                directory.setCashierEnabled(user.id(), !user.enabled());
                Notification.show(getTranslation("team.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return toggle;
    }

    private Component storeActions(StoreSummary store) {
        if (!store.open()) {
            return new Span();
        }
        Button edit = new Button(getTranslation("team.editStore"), click -> openStoreDialog(store));
        Button close = new Button(getTranslation("team.closeStore"), click -> confirmClosing(store));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        close.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, close);
    }

    /** Closing cannot be undone (the store's keys are revoked), so the owner confirms it first. */
    private void confirmClosing(StoreSummary store) {
        Dialog dialog = new Dialog(getTranslation("team.closeStore.title", store.name(getLocale())));
        dialog.addClassName("close-store-dialog");
        dialog.add(new Paragraph(getTranslation("team.closeStore.text")));
        Button close = new Button(getTranslation("team.closeStore"), click -> {
            dialog.close();
            try {
                directory.closeStore(store.id());
                Notification.show(getTranslation("team.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), close);
        dialog.open();
    }

    private void openCashierDialog() {
        TextField username = new TextField(getTranslation("users.username"));
        username.setMaxLength(32);
        TextField displayName = new TextField(getTranslation("users.displayName"));
        displayName.setMaxLength(32);
        PasswordField password = new PasswordField(getTranslation("users.initialPassword"));
        password.setMaxLength(64);
        FormErrors errors = new FormErrors(this).field("username", username).field("displayName", displayName).field("password", password);
        openDialog("team.addCashier", "users.create", new FormLayout(username, displayName, password), errors,
                () -> directory.addCashier(username.getValue(), displayName.getValue(), password.getValue()));
    }

    /** A new store, or the changes to an open one ({@code existing}). */
    private void openStoreDialog(@Nullable StoreSummary existing) {
        TextField nameZh = new TextField(getTranslation("team.store.nameZh"));
        TextField nameEn = new TextField(getTranslation("team.store.nameEn"));
        TextField cityZh = new TextField(getTranslation("team.store.cityZh"));
        TextField cityEn = new TextField(getTranslation("team.store.cityEn"));
        TextField address = new TextField(getTranslation("store.address"));
        ComboBox<Region> region = new ComboBox<>(getTranslation("store.region"), AdministrativeRegions.districts());
        region.setItemLabelGenerator(district -> district.name(getLocale()));
        region.setHelperText(getTranslation("store.regionHelp"));
        region.setRequiredIndicatorVisible(true);
        if (existing != null) {
            AdministrativeRegions.byCode(existing.regionCode()).ifPresent(region::setValue);
            nameZh.setValue(existing.nameZh());
            nameEn.setValue(existing.nameEn());
            cityZh.setValue(existing.cityZh());
            cityEn.setValue(existing.cityEn());
            address.setValue(existing.address());
        }
        FormErrors errors = new FormErrors(this).field("storeNameZh", nameZh).field("storeNameEn", nameEn)
                .field("cityZh", cityZh).field("cityEn", cityEn).field("address", address).field("regionCode", region);
        FormLayout fields = new FormLayout(nameZh, nameEn, cityZh, cityEn, address, region);
        Supplier<NewMerchant.NewStore> store = () -> {
            if (region.isEmpty()) {
                throw new InvalidInputException("regionCode", "store.regionRequired");
            }
            return new NewMerchant.NewStore(nameZh.getValue(), nameEn.getValue(), cityZh.getValue(), cityEn.getValue(), address.getValue(),
                    region.getValue().code());
        };
        if (existing == null) {
            openDialog("team.addStore", "users.create", fields, errors, () -> directory.addStore(store.get()));
        } else {
            openDialog("team.editStore", "action.save", fields, errors, () -> directory.updateStore(existing.id(), store.get()));
        }
    }

    /** A dialog whose save runs {@code save}; a refusal stays in the dialog next to its field. */
    private void openDialog(String titleKey, String confirmKey, FormLayout fields, FormErrors errors, Runnable save) {
        Dialog dialog = new Dialog(getTranslation(titleKey));
        Button confirm = new Button(getTranslation(confirmKey), click -> {
            errors.clear();
            try {
                save.run();
                dialog.close();
                refresh();
                Notification.show(getTranslation("team.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(fields);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.team");
    }
}
