package org.evergreen.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.merchant.AdministrativeRegions;
import org.evergreen.merchant.Region;
import org.evergreen.security.Role;
import org.evergreen.security.Roles;
import org.evergreen.security.UserAccounts;
import org.evergreen.security.UserSummary;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which districts each regulator supervises: none means the whole coalition; with districts, the regulator sees only
 * the merchants with a store there, and their entries, cases and reports.
 */
@Route("admin/supervision")
@Menu(title = "nav.supervision", order = 1.5, icon = "vaadin:map-marker")
@RolesAllowed(Roles.ADMIN)
class AdminSupervisionView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccounts users;
    private final Grid<UserSummary> grid = new Grid<>();

    AdminSupervisionView(UserAccounts users) {
        this.users = users;
        addClassName("supervision");
        setSizeFull();
        grid.addClassName("supervision-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.displayName")).setAutoWidth(true);
        grid.addColumn(regulator -> districts(users.supervisedRegions(regulator.id()))).setHeader(getTranslation("supervision.districts"));
        grid.addComponentColumn(regulator -> {
            Button edit = new Button(getTranslation("supervision.edit"), click -> edit(regulator));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.addClassName("supervision-edit");
            return edit;
        }).setKey("edit").setAutoWidth(true);
        grid.setItems(query -> users.page(Role.REGULATOR, query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(users.count(Role.REGULATOR)));
        grid.setEmptyStateText(getTranslation("supervision.none"));
        add(new Paragraph(getTranslation("supervision.intro")), grid);
    }

    private String districts(Set<String> codes) {
        if (codes.isEmpty()) {
            return getTranslation("supervision.wholeCoalition");
        }
        return codes.stream().map(code -> AdministrativeRegions.byCode(code).map(region -> region.name(getLocale())).orElse(code))
                .collect(Collectors.joining(getTranslation("list.separator")));
    }

    private void edit(UserSummary regulator) {
        Dialog dialog = new Dialog(getTranslation("supervision.dialog", regulator.displayName()));
        dialog.addClassName("supervision-dialog");
        MultiSelectComboBox<Region> districts = new MultiSelectComboBox<>(getTranslation("supervision.districts"));
        districts.setItems(AdministrativeRegions.districts());
        districts.setItemLabelGenerator(region -> region.name(getLocale()));
        Set<String> current = users.supervisedRegions(regulator.id());
        districts.setValue(AdministrativeRegions.districts().stream().filter(region -> current.contains(region.code())).collect(Collectors.toSet()));
        districts.setHelperText(getTranslation("supervision.helper"));
        districts.setWidthFull();
        FormErrors errors = new FormErrors(this).field("regions", districts);
        Button save = new Button(getTranslation("action.save"), click -> {
            errors.clear();
            try {
                users.setSupervisedRegions(regulator.id(), districts.getValue().stream().map(Region::code).collect(Collectors.toSet()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notification.show(getTranslation("supervision.saved", regulator.displayName())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("supervision-save");
        dialog.add(districts);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.setWidth("40em");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.supervision");
    }
}
