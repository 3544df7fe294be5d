package org.evergreen.merchant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.merchant.MerchantApplicationForm;
import org.evergreen.merchant.MerchantApplications;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.ui.LanguageSwitch;
import org.evergreen.shared.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/** The public page where a business applies to join the coalition, with its stores. */
@Route(value = "join", autoLayout = false)
@AnonymousAllowed
public class JoinView extends VerticalLayout implements HasDynamicTitle {

    private final MerchantApplications applications;
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final Select<MerchantCategory> category = new Select<>();
    private final TextField creditCode = new TextField();
    private final TextField contactName = new TextField();
    private final TextField contactPhone = new TextField();
    private final EmailField contactEmail = new EmailField();
    private final Checkbox acceptTerms = new Checkbox();
    private final VerticalLayout storeRows = new VerticalLayout();
    private final List<StoreRow> stores = new ArrayList<>();
    private final FormErrors errors = new FormErrors(this);
    private final Div form = new Div();

    /** One store line of the application. */
    private final class StoreRow extends HorizontalLayout {
        final TextField name = new TextField(getTranslation("application.store.name"));
        final TextField city = new TextField(getTranslation("application.store.city"));
        final TextField address = new TextField(getTranslation("application.store.address"));

        StoreRow() {
            name.setMaxLength(100);
            city.setMaxLength(50);
            address.setMaxLength(200);
            address.setWidth("24em");
            addClassName("store-row");
            add(name, city, address);
        }
    }

    public JoinView(MerchantApplications applications) {
        this.applications = applications;
        addClassName("join-view");
        setAlignItems(Alignment.CENTER);

        nameZh.setLabel(getTranslation("application.nameZh"));
        nameZh.setMaxLength(100);
        nameEn.setLabel(getTranslation("application.nameEn"));
        nameEn.setMaxLength(100);
        category.setLabel(getTranslation("merchant.category"));
        category.setItems(MerchantCategory.values());
        category.setItemLabelGenerator(value -> getTranslation("merchant.category." + value.name()));
        creditCode.setLabel(getTranslation("merchant.creditCode"));
        creditCode.setMaxLength(18);
        contactName.setLabel(getTranslation("application.contactName"));
        contactName.setMaxLength(50);
        contactPhone.setLabel(getTranslation("application.contactPhone"));
        contactPhone.setMaxLength(11);
        contactEmail.setLabel(getTranslation("application.contactEmail"));
        acceptTerms.setLabel(getTranslation("application.acceptTerms"));
        errors.field("nameZh", nameZh).field("nameEn", nameEn).field("category", category).field("unifiedCreditCode", creditCode)
                .field("contactName", contactName).field("contactPhone", contactPhone).field("contactEmail", contactEmail)
                .field("acceptedTerms", acceptTerms);

        addStore();
        Button addStore = new Button(getTranslation("application.store.add"), click -> addStore());
        addStore.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button submit = new Button(getTranslation("application.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout company = new FormLayout(nameZh, nameEn, category, creditCode, contactName, contactPhone, contactEmail);
        company.setMaxWidth("48em");
        storeRows.setPadding(false);
        form.add(company, new H3(getTranslation("merchant.stores")), storeRows, addStore,
                new Paragraph(getTranslation("application.terms.text")), acceptTerms, submit);
        form.setMaxWidth("52em");
        add(new LanguageSwitch(), new H1(getTranslation("application.title")), new Paragraph(getTranslation("application.intro")),
                form, new Anchor("join/status", getTranslation("application.toStatus")), new Anchor("login", getTranslation("registration.toLogin")));
    }

    private void addStore() {
        StoreRow row = new StoreRow();
        stores.add(row);
        storeRows.add(row);
    }

    private void submit() {
        errors.clear();
        List<MerchantApplicationForm.Store> named = stores.stream()
                .filter(row -> !(row.name.isEmpty() && row.city.isEmpty() && row.address.isEmpty()))
                .map(row -> new MerchantApplicationForm.Store(row.name.getValue(), row.city.getValue(), row.address.getValue()))
                .toList();
        try {
            String trackingCode = applications.submit(new MerchantApplicationForm(nameZh.getValue(), nameEn.getValue(),
                    category.getValue(), creditCode.getValue(), contactName.getValue(), contactPhone.getValue(),
                    contactEmail.getValue(), named, acceptTerms.getValue()));
            form.removeAll();
            Fact code = new Fact(getTranslation("application.trackingCode"), trackingCode);
            code.addClassName("tracking-code");
            form.add(new Paragraph(getTranslation("application.submitted")), code);
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("application.title") + " · " + getTranslation("app.name");
    }
}
