package org.evergreen.merchant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.merchant.TillKey;
import org.evergreen.merchant.TillKeys;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/** Owners create their stores' till API keys (each shown once), see when they were last used, and revoke them. */
@Route("merchant/till-keys")
@Menu(title = "nav.merchant.tillKeys", order = 5, icon = "vaadin:key")
@RolesAllowed(Roles.MERCHANT_OWNER)
class TillKeysView extends VerticalLayout implements HasDynamicTitle {

    private final TillKeys tillKeys;
    private final MerchantDirectory directory;
    private final Grid<TillKey> keys = new Grid<>();

    TillKeysView(TillKeys tillKeys, MerchantDirectory directory, DisplayFormats formats) {
        this.tillKeys = tillKeys;
        this.directory = directory;
        addClassName("till-keys-view");

        keys.addClassName("till-key-grid");
        keys.addColumn(TillKey::label).setHeader(getTranslation("tillKeys.label"));
        keys.addColumn(key -> key.storeName(getLocale())).setHeader(getTranslation("store.name"));
        keys.addColumn(key -> "eg_" + key.prefix() + "_…").setHeader(getTranslation("tillKeys.key"));
        keys.addColumn(key -> formats.dateTime(key.createdAt(), getLocale())).setHeader(getTranslation("tillKeys.created"));
        keys.addColumn(key -> key.lastUsedAt() == null ? getTranslation("tillKeys.neverUsed") : formats.dateTime(key.lastUsedAt(), getLocale()))
                .setHeader(getTranslation("tillKeys.lastUsed"));
        keys.addComponentColumn(key -> {
            if (key.revoked()) {
                return new Paragraph(getTranslation("tillKeys.revoked"));
            }
            Button revoke = new Button(getTranslation("tillKeys.revoke"), click -> {
                tillKeys.revoke(key.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setKey("revoke");
        keys.setAllRowsVisible(true);
        refresh();

        Button create = new Button(getTranslation("tillKeys.create"), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("tillKeys.intro")), create, keys);
    }

    private void refresh() {
        keys.setItems(tillKeys.myKeys());
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog(getTranslation("tillKeys.create"));
        Select<StoreSummary> store = new Select<>();
        store.setLabel(getTranslation("store.name"));
        store.setItems(directory.myStores().stream().filter(StoreSummary::open).toList());
        store.setItemLabelGenerator(summary -> summary.name(getLocale()));
        TextField label = new TextField(getTranslation("tillKeys.label"));
        label.setMaxLength(50);
        FormErrors errors = new FormErrors(this).field("store", store).field("label", label);
        Button confirm = new Button(getTranslation("tillKeys.create"), click -> {
            errors.clear();
            if (store.getValue() == null) {
                errors.show(new InvalidInputException("store", "validation.required"));
                return;
            }
            try {
                String key = tillKeys.create(store.getValue().id(), label.getValue());
                dialog.removeAll();
                dialog.getFooter().removeAll();
                TextField shown = new TextField(getTranslation("tillKeys.key"));
                shown.setValue(key);
                shown.setReadOnly(true);
                shown.setWidthFull();
                shown.addClassName("new-till-key");
                dialog.add(new Paragraph(getTranslation("tillKeys.showOnce")), shown);
                dialog.getFooter().add(new Button(getTranslation("tillKeys.done"), done -> dialog.close()));
                refresh();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(store, label));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.tillKeys");
    }
}
