package org.evergreen.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.RedemptionRefused;
import org.evergreen.catalog.RedemptionStatus;
import org.evergreen.catalog.Redemptions;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.QrCodeImage;

/**
 * The member's redemptions, newest first: the code and QR to show the merchant, what is held, and what became
 * of each one. A pending redemption can be cancelled, which gives the points back at once.
 */
@Route("member/redemptions")
@Menu(title = "nav.member.redemptions", order = 3.5, icon = "vaadin:ticket")
@RolesAllowed(Roles.MEMBER)
class MyRedemptionsView extends VerticalLayout implements HasDynamicTitle {

    private final Redemptions redemptions;
    private final CatalogTexts texts;
    private final Grid<Redemption> grid = new Grid<>();

    MyRedemptionsView(Redemptions redemptions, DisplayFormats formats) {
        this.redemptions = redemptions;
        this.texts = new CatalogTexts(this, formats);
        addClassName("my-redemptions-view");
        setSizeFull();
        add(new Paragraph(getTranslation("redemption.mine.intro")));
        grid.addClassName("redemption-grid");
        grid.addColumn(redemption -> redemption.rewardName(getLocale())).setHeader(getTranslation("catalog.reward")).setKey("reward").setFlexGrow(3);
        grid.addColumn(Redemption::code).setHeader(getTranslation("redemption.code")).setKey("code").setAutoWidth(true);
        grid.addColumn(texts::redemptionPrice).setHeader(getTranslation("catalog.price")).setKey("price").setFlexGrow(2);
        grid.addColumn(texts::status).setHeader(getTranslation("redemption.status")).setKey("status").setFlexGrow(3);
        grid.addColumn(redemption -> texts.dateTime(redemption.status() == RedemptionStatus.PENDING ? redemption.expiresAt()
                : redemption.resolvedAt())).setHeader(getTranslation("redemption.when")).setKey("when").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setItems(query -> redemptions.mine(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(redemptions.mineCount()));
        add(grid);
    }

    private HorizontalLayout actions(Redemption redemption) {
        HorizontalLayout actions = new HorizontalLayout();
        if (redemption.status() == RedemptionStatus.PENDING) {
            Button show = new Button(getTranslation("redemption.showCode"), click -> showCode(redemption));
            show.addClassName("show-code");
            Button cancel = new Button(getTranslation("redemption.cancel"), click -> confirmCancel(redemption));
            cancel.addClassName("cancel-redemption");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(show, cancel);
        }
        return actions;
    }

    private void showCode(Redemption redemption) {
        Dialog dialog = new Dialog(redemption.rewardName(getLocale()));
        dialog.addClassName("redemption-code-dialog");
        Fact code = new Fact(getTranslation("redemption.code"), redemption.code());
        code.addClassName("redemption-code");
        dialog.add(new QrCodeImage(redemption.code(), getTranslation("redemption.code")), code,
                new Paragraph(getTranslation("redemption.heldUntil", texts.redemptionPrice(redemption), texts.dateTime(redemption.expiresAt()))));
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }

    private void confirmCancel(Redemption redemption) {
        Dialog confirm = new Dialog(getTranslation("redemption.cancel.title"));
        confirm.addClassName("cancel-redemption-dialog");
        confirm.add(new Paragraph(getTranslation("redemption.cancel.text", redemption.rewardName(getLocale()),
                texts.redemptionPrice(redemption))));
        Button yes = new Button(getTranslation("redemption.cancel.confirm"), click -> {
            try {
                redemptions.cancelMine(redemption.id());
                Notification.show(getTranslation("redemption.cancelled")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RedemptionRefused refused) {
                Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            confirm.close();
            grid.getDataProvider().refreshAll();
        });
        yes.addClassName("confirm-cancel");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button(getTranslation("action.close"), click -> confirm.close()), yes);
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.redemptions");
    }
}
