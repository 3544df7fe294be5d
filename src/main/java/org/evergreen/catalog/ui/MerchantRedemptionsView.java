package org.evergreen.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.catalog.FulfilmentResult;
import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.RedemptionRefused;
import org.evergreen.catalog.RedemptionStatus;
import org.evergreen.catalog.Redemptions;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/**
 * Fulfilment at the merchant: staff type or scan the redemption code the member presents and hand over the reward,
 * which captures the held points (and records the cash part); the list of pending redemptions shows only the
 * codes' ends. Owners may cancel a redemption they cannot provide; the
 * member then gets the points back and the compensation the platform set.
 */
@Route("merchant/redemptions")
@Menu(title = "nav.merchant.redemptions", order = 3.5, icon = "vaadin:ticket")
@RolesAllowed(Roles.MERCHANT)
class MerchantRedemptionsView extends VerticalLayout implements HasDynamicTitle {

    private final Redemptions redemptions;
    private final CatalogPolicies policies;
    private final CatalogTexts texts;
    private final boolean owner;
    private final TextField code = new TextField();
    private final FormErrors errors = new FormErrors(this).field("code", code);
    private final Select<RedemptionStatus> status = new Select<>();
    private final Grid<Redemption> grid = new Grid<>();

    MerchantRedemptionsView(Redemptions redemptions, CatalogPolicies policies, CurrentUser currentUser, DisplayFormats formats) {
        this.redemptions = redemptions;
        this.policies = policies;
        this.texts = new CatalogTexts(this, formats);
        this.owner = currentUser.get().map(user -> user.merchantRole() == MerchantRole.OWNER).orElse(false);
        addClassName("merchant-redemptions-view");
        setSizeFull();

        code.setLabel(getTranslation("redemption.code"));
        code.addClassName("fulfil-code");
        code.setHelperText(getTranslation("redemption.fulfil.help"));
        Button fulfil = new Button(getTranslation("redemption.fulfil"), click -> fulfil(code.getValue()));
        fulfil.addClassName("fulfil-by-code");
        fulfil.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout byCode = new HorizontalLayout(code, fulfil);
        byCode.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(byCode);

        status.setLabel(getTranslation("redemption.status"));
        status.setWidth("18em");
        status.setItems(RedemptionStatus.values());
        status.setItemLabelGenerator(value -> getTranslation("redemption.merchantStatus." + value.name()));
        status.setValue(RedemptionStatus.PENDING);
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add(status);

        grid.addClassName("merchant-redemption-grid");
        // Only the member holds the whole code: the list shows its end, so that staff fulfil what a member presents.
        grid.addColumn(Redemption::code).setHeader(getTranslation("redemption.code")).setKey("code").setAutoWidth(true);
        grid.addColumn(redemption -> redemption.rewardName(getLocale())).setHeader(getTranslation("catalog.reward")).setKey("reward").setFlexGrow(3);
        grid.addColumn(Redemption::quantity).setHeader(getTranslation("catalog.quantity")).setKey("quantity");
        grid.addColumn(texts::redemptionPrice).setHeader(getTranslation("catalog.price")).setKey("price").setFlexGrow(2);
        grid.addColumn(texts::merchantStatus).setHeader(getTranslation("redemption.status")).setKey("status").setFlexGrow(2);
        grid.addColumn(redemption -> texts.dateTime(redemption.createdAt())).setHeader(getTranslation("redemption.created")).setKey("created");
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setItems(query -> redemptions.ofMyMerchant(selectedStatus(), query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(redemptions.ofMyMerchantCount(selectedStatus())));
        add(grid);
    }

    private RedemptionStatus selectedStatus() {
        return status.getValue() == null ? RedemptionStatus.PENDING : status.getValue();
    }

    private HorizontalLayout actions(Redemption redemption) {
        HorizontalLayout actions = new HorizontalLayout();
        if (redemption.status() == RedemptionStatus.PENDING && owner) {
            Button cancel = new Button(getTranslation("redemption.merchantCancel"), click -> openCancel(redemption));
            cancel.addClassName("merchant-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(cancel);
        }
        return actions;
    }

    private void fulfil(String typedCode) {
        errors.clear();
        try {
            FulfilmentResult result = redemptions.fulfilMine(typedCode);
            String message = result.cashDue() == null
                    ? getTranslation("redemption.fulfilled", result.code(), texts.points(result.points()))
                    : getTranslation("redemption.fulfilledWithCash", result.code(), texts.points(result.points()),
                    result.cashDue().toPlainString());
            Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            code.clear();
        } catch (InvalidInputException invalid) {
            errors.show(invalid);
        } catch (RedemptionRefused refused) {
            code.setErrorMessage(getTranslation(refused.messageKey()));
            code.setInvalid(true);
        }
        grid.getDataProvider().refreshAll();
    }

    private void openCancel(Redemption redemption) {
        TextArea reason = new TextArea(getTranslation("redemption.cancelReason"));
        reason.setMaxLength(500);
        FormErrors errors = new FormErrors(this).field("reason", reason);
        Dialog dialog = new Dialog(getTranslation("redemption.merchantCancel"));
        dialog.addClassName("merchant-cancel-dialog");
        Button confirm = new Button(getTranslation("redemption.merchantCancel.confirm"), click -> {
            errors.clear();
            try {
                redemptions.cancelByMerchant(redemption.id(), reason.getValue());
                dialog.close();
                Notification.show(getTranslation("redemption.cancelled")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException invalid) {
                errors.show(invalid);
            } catch (RedemptionRefused refused) {
                dialog.close();
                Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            grid.getDataProvider().refreshAll();
        });
        confirm.addClassName("confirm-merchant-cancel");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("redemption.merchantCancel.text", policies.compensationPercent().toPlainString())), reason);
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.redemptions");
    }
}
