package org.evergreen.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.catalog.MerchantReward;
import org.evergreen.catalog.RewardDraft;
import org.evergreen.catalog.RewardKind;
import org.evergreen.catalog.Rewards;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A merchant's rewards in the coalition catalog. Owners list new ones, change prices (kept as history), add
 * campaign prices for a window, upload pictures and withdraw rewards; every price is held to the value guarantee,
 * and a refusal says why next to the field.
 */
@Route("merchant/rewards")
@Menu(title = "nav.merchant.rewards", order = 3, icon = "vaadin:gift")
@RolesAllowed(Roles.MERCHANT)
class MerchantRewardsView extends VerticalLayout implements HasDynamicTitle {

    private final Rewards rewards;
    private final CatalogTexts texts;
    private final DisplayFormats formats;
    private final Clock clock;
    private final boolean owner;
    private final Grid<MerchantReward> grid = new Grid<>();

    MerchantRewardsView(Rewards rewards, CatalogPolicies policies, CurrentUser currentUser, DisplayFormats formats, Clock clock) {
        this.rewards = rewards;
        this.formats = formats;
        this.clock = clock;
        this.texts = new CatalogTexts(this, formats);
        this.owner = currentUser.get().map(user -> user.merchantRole() == MerchantRole.OWNER).orElse(false);
        addClassName("merchant-rewards-view");
        setSizeFull();
        add(new Paragraph(getTranslation("catalog.merchant.intro", DisplayFormats.plain(policies.currentValue().yuanPerPoint()),
                DisplayFormats.plain(policies.currentValue().floorPerPoint()))));
        if (owner) {
            Button create = new Button(getTranslation("catalog.merchant.new"), click -> openNewReward());
            create.addClassName("new-reward");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.addClassName("merchant-reward-grid");
        grid.addColumn(reward -> reward.name(getLocale())).setHeader(getTranslation("catalog.reward")).setKey("name").setFlexGrow(3);
        grid.addColumn(reward -> getTranslation("reward.kind." + reward.kind().name())).setHeader(getTranslation("catalog.kind")).setKey("kind");
        grid.addColumn(reward -> texts.price(reward.price()) + (reward.price().campaign()
                ? " " + getTranslation("catalog.insteadOf", texts.points(reward.regularPoints())) : ""))
                .setHeader(getTranslation("catalog.price")).setKey("price").setFlexGrow(2);
        grid.addColumn(reward -> getTranslation("catalog.merchant.stock",
                        reward.stockLeft() == null ? getTranslation("catalog.unlimited") : String.valueOf(reward.stockLeft()), reward.redeemed()))
                .setHeader(getTranslation("catalog.stock")).setKey("stock");
        grid.addColumn(reward -> getTranslation(reward.listed() ? "catalog.merchant.listed" : "catalog.merchant.withdrawn"))
                .setHeader(getTranslation("catalog.merchant.state")).setKey("state");
        grid.addColumn(MerchantReward::images).setHeader(getTranslation("catalog.merchant.pictures")).setKey("pictures");
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setItems(query -> rewards.myRewards(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(rewards.myRewardCount()));
        add(grid);
    }

    private HorizontalLayout actions(MerchantReward reward) {
        HorizontalLayout actions = new HorizontalLayout();
        Button history = new Button(getTranslation("catalog.priceHistory"), click -> openHistory(reward));
        history.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actions.add(history);
        if (owner) {
            Button price = new Button(getTranslation("catalog.merchant.changePrice"), click -> openPrice(reward));
            price.addClassName("change-price");
            Button campaign = new Button(getTranslation("catalog.merchant.campaignPrice"), click -> openCampaignPrice(reward));
            campaign.addClassName("campaign-price");
            Button picture = new Button(getTranslation("catalog.merchant.addPicture"), click -> openPictureUpload(reward));
            picture.addClassName("add-picture");
            Button listing = new Button(getTranslation(reward.listed() ? "catalog.merchant.withdraw" : "catalog.merchant.relist"), click -> {
                rewards.setListed(reward.id(), !reward.listed());
                grid.getDataProvider().refreshAll();
            });
            listing.addClassName("toggle-listing");
            for (Button button : new Button[]{price, campaign, picture, listing}) {
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            }
            actions.add(price, campaign, picture, listing);
        }
        return actions;
    }

    private void openNewReward() {
        Select<RewardKind> kind = new Select<>();
        kind.setLabel(getTranslation("catalog.kind"));
        kind.setItems(RewardKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("reward.kind." + value.name()));
        kind.setValue(RewardKind.GOODS);
        TextField category = new TextField(getTranslation("catalog.category"));
        category.setHelperText(getTranslation("catalog.category.help"));
        TextField nameZh = new TextField(getTranslation("catalog.nameZh"));
        TextField nameEn = new TextField(getTranslation("catalog.nameEn"));
        TextArea descriptionZh = new TextArea(getTranslation("catalog.descriptionZh"));
        TextArea descriptionEn = new TextArea(getTranslation("catalog.descriptionEn"));
        BigDecimalField value = new BigDecimalField(getTranslation("catalog.value"));
        value.setHelperText(getTranslation("catalog.value.help"));
        IntegerField points = new IntegerField(getTranslation("catalog.pointsPrice"));
        IntegerField cashPoints = new IntegerField(getTranslation("catalog.cashOptionPoints"));
        BigDecimalField cash = new BigDecimalField(getTranslation("catalog.cashOptionAmount"));
        cash.setHelperText(getTranslation("catalog.cashOption.help"));
        IntegerField stock = new IntegerField(getTranslation("catalog.stock"));
        stock.setHelperText(getTranslation("catalog.stock.help"));
        IntegerField limit = new IntegerField(getTranslation("catalog.perMember"));
        limit.setHelperText(getTranslation("catalog.perMember.help"));
        IntegerField redeemWithin = new IntegerField(getTranslation("catalog.redeemWithin"));
        redeemWithin.setValue(30);
        redeemWithin.setHelperText(getTranslation("catalog.redeemWithin.help"));
        DateTimePicker availableUntil = ComponentTexts.localized(new DateTimePicker(getTranslation("catalog.availableUntil")));
        availableUntil.setMin(LocalDateTime.now(clock.withZone(formats.zone())));
        Checkbox green = new Checkbox(getTranslation("catalog.greenReward"));
        FormErrors errors = new FormErrors(this).field("kind", kind).field("category", category).field("nameZh", nameZh)
                .field("nameEn", nameEn).field("descriptionZh", descriptionZh).field("descriptionEn", descriptionEn)
                .field("retailValue", value).field("pointsPrice", points).field("cashOptionPoints", cashPoints)
                .field("cashOptionAmount", cash).field("stock", stock).field("perMemberLimit", limit)
                .field("redeemWithinDays", redeemWithin).field("availableUntil", availableUntil);

        Dialog dialog = new Dialog(getTranslation("catalog.merchant.new"));
        dialog.addClassName("reward-editor");
        Button save = new Button(getTranslation("catalog.merchant.publish"), click -> {
            errors.clear();
            try {
                rewards.create(new RewardDraft(kind.getValue(), category.getValue(), nameZh.getValue(), nameEn.getValue(),
                        descriptionZh.getValue(), descriptionEn.getValue(), value.getValue(), asLong(points.getValue()),
                        asLong(cashPoints.getValue()), cash.getValue(), asLong(stock.getValue()), limit.getValue(),
                        redeemWithin.getValue(), null, availableUntil.isEmpty() ? null : instant(availableUntil.getValue()),
                        green.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notification.show(getTranslation("catalog.merchant.published")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addClassName("publish-reward");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(kind, category, nameZh, nameEn, descriptionZh, descriptionEn, value, points, cashPoints, cash,
                stock, limit, redeemWithin, availableUntil, green));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openPrice(MerchantReward reward) {
        IntegerField points = new IntegerField(getTranslation("catalog.pointsPrice"));
        points.setValue(Math.toIntExact(reward.regularPoints()));
        IntegerField cashPoints = new IntegerField(getTranslation("catalog.cashOptionPoints"));
        BigDecimalField cash = new BigDecimalField(getTranslation("catalog.cashOptionAmount"));
        if (reward.price().hasCashOption()) {
            cashPoints.setValue(Math.toIntExact(reward.price().cashOptionPoints()));
            cash.setValue(reward.price().cashOptionAmount());
        }
        FormErrors errors = new FormErrors(this).field("pointsPrice", points).field("cashOptionPoints", cashPoints)
                .field("cashOptionAmount", cash);
        Dialog dialog = new Dialog(getTranslation("catalog.merchant.changePrice"));
        dialog.addClassName("price-editor");
        Button save = new Button(getTranslation("action.save"), click -> {
            errors.clear();
            try {
                rewards.changePrice(reward.id(), asLong(points.getValue()), asLong(cashPoints.getValue()), cash.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addClassName("save-price");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("catalog.merchant.priceNote", "¥" + reward.retailValue().toPlainString())),
                new FormLayout(points, cashPoints, cash));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openCampaignPrice(MerchantReward reward) {
        IntegerField points = new IntegerField(getTranslation("catalog.campaignPoints"));
        LocalDateTime now = LocalDateTime.now(clock.withZone(formats.zone())).withSecond(0).withNano(0);
        DateTimePicker startsAt = ComponentTexts.localized(new DateTimePicker(getTranslation("catalog.campaignStarts"), now));
        DateTimePicker endsAt = ComponentTexts.localized(new DateTimePicker(getTranslation("catalog.campaignEnds"), now.plusDays(14)));
        FormErrors errors = new FormErrors(this).field("campaignPoints", points).field("startsAt", startsAt).field("endsAt", endsAt);
        Dialog dialog = new Dialog(getTranslation("catalog.merchant.campaignPrice"));
        dialog.addClassName("campaign-price-editor");
        Button save = new Button(getTranslation("action.save"), click -> {
            errors.clear();
            try {
                rewards.addCampaignPrice(reward.id(), asLong(points.getValue()), startsAt.isEmpty() ? null : instant(startsAt.getValue()),
                        endsAt.isEmpty() ? null : instant(endsAt.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notification.show(getTranslation("catalog.merchant.campaignSaved", texts.points(points.getValue())))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        save.addClassName("save-campaign-price");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("catalog.merchant.campaignNote", texts.points(reward.regularPoints()))),
                new FormLayout(points, startsAt, endsAt));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openPictureUpload(MerchantReward reward) {
        Dialog dialog = new Dialog(getTranslation("catalog.merchant.addPicture"));
        dialog.addClassName("picture-upload");
        Upload upload = ComponentTexts.localized(new Upload(UploadHandler.inMemory((metadata, bytes) -> pictureUploaded(reward.id(), bytes, dialog))));
        upload.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", ".jpg", ".jpeg", ".png", ".gif");
        upload.setMaxFileSize(Rewards.MAX_IMAGE_BYTES);
        upload.setMaxFiles(1);
        dialog.add(new Paragraph(getTranslation("catalog.merchant.pictureNote", Rewards.MAX_IMAGES)), upload);
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }

    /** Stores an uploaded picture; the service checks its size and that it is one, whatever the browser let through. */
    private void pictureUploaded(long rewardId, byte[] bytes, Dialog dialog) {
        try {
            rewards.addImage(rewardId, bytes);
            Notification.show(getTranslation("catalog.merchant.pictureAdded")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            dialog.close();
            grid.getDataProvider().refreshAll();
        } catch (InvalidInputException refused) {
            Notification.show(getTranslation(refused.messageKey(), refused.arguments()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void openHistory(MerchantReward reward) {
        Dialog dialog = new Dialog(getTranslation("catalog.priceHistory"));
        dialog.addClassName("price-history-dialog");
        UnorderedList history = new UnorderedList();
        history.addClassName("price-history");
        rewards.priceHistory(reward.id()).forEach(change -> history.add(new ListItem(texts.priceChange(change))));
        Div pictures = new Div();
        pictures.addClassName("reward-pictures");
        rewards.imageIds(reward.id()).forEach(id -> pictures.add(CatalogTexts.picture(rewards, id, true, reward.name(getLocale()))));
        dialog.add(history, pictures);
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }

    private static @Nullable Long asLong(@Nullable Integer value) {
        return value == null ? null : value.longValue();
    }

    private Instant instant(LocalDateTime local) {
        return local.atZone(formats.zone()).toInstant();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.rewards");
    }
}
