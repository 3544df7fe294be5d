package org.evergreen.merchant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.merchant.ApplicationStatus;
import org.evergreen.merchant.MerchantApplication;
import org.evergreen.merchant.MerchantApplications;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.util.Locale;

/** Admins review applications to join: approve (creating the merchant and its first login) or reject with a reason. */
@Route("admin/applications")
@Menu(title = "nav.admin.applications", order = 2.5, icon = "vaadin:file-text-o")
@RolesAllowed(Roles.ADMIN)
class ApplicationReviewView extends VerticalLayout implements HasDynamicTitle {

    private final MerchantApplications applications;
    private final DisplayFormats formats;
    private final ConfigurableFilterDataProvider<MerchantApplication, Void, ApplicationStatus> rows;
    private final Grid<MerchantApplication> grid = new Grid<>();
    private final Div details = new Div();

    ApplicationReviewView(MerchantApplications applications, DisplayFormats formats) {
        this.applications = applications;
        this.formats = formats;
        addClassName("application-review-view");
        setSizeFull();

        rows = DataProvider.<MerchantApplication, ApplicationStatus>fromFilteringCallbacks(
                query -> applications.page(query.getFilter().orElse(null), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(applications.count(query.getFilter().orElse(null))))
                .withConfigurableFilter();
        rows.setFilter(ApplicationStatus.SUBMITTED);
        grid.addClassName("application-grid");
        grid.addColumn(MerchantApplication::nameZh).setHeader(getTranslation("merchant.name")).setFlexGrow(2);
        grid.addColumn(application -> getTranslation("merchant.category." + application.category().name()))
                .setHeader(getTranslation("merchant.category"));
        grid.addColumn(MerchantApplication::unifiedCreditCode).setHeader(getTranslation("merchant.creditCode"));
        grid.addColumn(application -> formats.dateTime(application.submittedAt(), getLocale())).setHeader(getTranslation("application.submittedAt"));
        grid.addColumn(application -> getTranslation("application.status." + application.status().name())).setHeader(getTranslation("application.status"));
        grid.setItems(rows);
        grid.asSingleSelect().addValueChangeListener(event -> showDetails(event.getValue()));

        Select<ApplicationStatus> status = new Select<>();
        status.setLabel(getTranslation("application.status"));
        status.setItems(ApplicationStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("application.status." + value.name()));
        status.setValue(ApplicationStatus.SUBMITTED);
        status.addValueChangeListener(event -> rows.setFilter(event.getValue()));

        details.addClassName("application-details");
        add(status, grid, details);
    }

    private void showDetails(MerchantApplication selected) {
        details.removeAll();
        if (selected == null) {
            return;
        }
        MerchantApplication application = applications.find(selected.id()).orElseThrow();
        UnorderedList stores = new UnorderedList();
        application.stores().forEach(store -> stores.add(new ListItem(store.name() + " · " + store.city() + " · " + store.address())));
        Div card = new Div(new Fact(getTranslation("application.contactName"), application.contactName()),
                new Fact(getTranslation("application.contactPhone"), application.contactPhone()),
                new Fact(getTranslation("application.contactEmail"), application.contactEmail()), stores);
        card.addClassName("card");
        details.add(card);
        if (application.status() == ApplicationStatus.SUBMITTED) {
            Button approve = new Button(getTranslation("application.approve"), click -> openApproveDialog(application));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button reject = new Button(getTranslation("application.reject"), click -> openRejectDialog(application));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            details.add(new HorizontalLayout(approve, reject));
        }
    }

    private void openApproveDialog(MerchantApplication application) {
        Dialog dialog = new Dialog(getTranslation("application.approve.title", application.nameZh()));
        TextField username = new TextField(getTranslation("users.username"));
        username.setMaxLength(32);
        TextField displayName = new TextField(getTranslation("users.displayName"));
        displayName.setMaxLength(32);
        displayName.setValue(application.contactName());
        PasswordField password = new PasswordField(getTranslation("users.initialPassword"));
        password.setMaxLength(64);
        FormErrors errors = new FormErrors(this).field("username", username).field("displayName", displayName).field("password", password);
        Button confirm = new Button(getTranslation("application.approve"), click -> {
            errors.clear();
            try {
                applications.approve(application.id(), username.getValue(), displayName.getValue(), password.getValue());
                dialog.close();
                decided(getTranslation("application.approved", username.getValue().strip().toLowerCase(Locale.ROOT),
                        application.contactName(), application.contactPhone()));
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(username, displayName, password));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void openRejectDialog(MerchantApplication application) {
        Dialog dialog = new Dialog(getTranslation("application.reject.title", application.nameZh()));
        TextArea reason = new TextArea(getTranslation("application.reason"));
        reason.setMaxLength(500);
        reason.setWidth("28em");
        FormErrors errors = new FormErrors(this).field("reason", reason);
        Button confirm = new Button(getTranslation("application.reject"), click -> {
            errors.clear();
            try {
                applications.reject(application.id(), reason.getValue());
                dialog.close();
                decided(getTranslation("application.rejected"));
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void decided(String message) {
        details.removeAll();
        rows.refreshAll();
        Notification.show(message, 10_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.applications");
    }
}
