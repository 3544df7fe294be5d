package org.evergreen.earning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.earning.Campaign;
import org.evergreen.earning.CampaignDraft;
import org.evergreen.earning.CampaignKind;
import org.evergreen.earning.Campaigns;
import org.evergreen.earning.EarningFacts;
import org.evergreen.earning.EarningRules;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.member.Tier;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.CategoryNames;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A merchant's campaigns, the latest first; owners launch new ones, after previewing what a sample purchase earns
 * with the campaign and without it. A campaign is public from its launch (on the disclosure page) and cannot start
 * before it.
 */
@Route("merchant/campaigns")
@Menu(title = "nav.merchant.campaigns", order = 2.5, icon = "vaadin:megaphone")
@RolesAllowed(Roles.MERCHANT)
class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    private final Campaigns campaigns;
    private final EarningRules rules;
    private final DisplayFormats formats;
    private final Clock clock;
    private final Grid<Campaign> grid = new Grid<>();

    CampaignsView(Campaigns campaigns, EarningRules rules, CurrentUser currentUser, DisplayFormats formats, Clock clock) {
        this.campaigns = campaigns;
        this.rules = rules;
        this.formats = formats;
        this.clock = clock;
        addClassName("campaigns-view");
        setSizeFull();
        RuleTexts texts = new RuleTexts(this, formats);

        grid.addClassName("campaign-grid");
        grid.addColumn(campaign -> campaign.name(getLocale())).setHeader(getTranslation("campaign.name")).setAutoWidth(true);
        grid.addColumn(texts::describe).setHeader(getTranslation("campaign.offer")).setFlexGrow(4);
        grid.addColumn(campaign -> getTranslation(status(campaign))).setHeader(getTranslation("campaign.status"));
        grid.setItems(query -> campaigns.mine(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(campaigns.mineCount()));

        add(new Paragraph(getTranslation("campaign.intro")));
        if (currentUser.get().map(user -> user.merchantRole() == MerchantRole.OWNER).orElse(false)) {
            Button launch = new Button(getTranslation("campaign.new"), click -> openLaunchDialog());
            launch.addClassName("new-campaign");
            launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(launch);
        }
        add(grid);
    }

    private String status(Campaign campaign) {
        Instant now = clock.instant();
        return campaign.runsAt(now) ? "campaign.status.running" : now.isBefore(campaign.startsAt()) ? "campaign.status.upcoming"
                : "campaign.status.ended";
    }

    private void openLaunchDialog() {
        Select<CampaignKind> kind = new Select<>();
        kind.setLabel(getTranslation("campaign.kind"));
        kind.setItems(CampaignKind.MULTIPLIER, CampaignKind.FIXED_BONUS, CampaignKind.FIRST_PURCHASE);
        kind.setItemLabelGenerator(value -> getTranslation("campaign.kind." + value.name()));
        kind.setValue(CampaignKind.MULTIPLIER);
        TextField nameZh = new TextField(getTranslation("campaign.nameZh"));
        TextField nameEn = new TextField(getTranslation("campaign.nameEn"));
        nameZh.setMaxLength(100);
        nameEn.setMaxLength(100);
        BigDecimalField multiplier = new BigDecimalField(getTranslation("campaign.multiplier"));
        IntegerField bonus = new IntegerField(getTranslation("rules.field.bonusPoints"));
        bonus.setVisible(false);
        kind.addValueChangeListener(change -> {
            multiplier.setVisible(change.getValue().hasMultiplier());
            bonus.setVisible(!change.getValue().hasMultiplier());
        });
        TextField categories = new TextField(getTranslation("campaign.categories"));
        categories.setHelperText(getTranslation("campaign.categories.help"));
        CheckboxGroup<Tier> tiers = new CheckboxGroup<>(getTranslation("campaign.tiers"));
        tiers.setItems(Tier.values());
        tiers.setItemLabelGenerator(tier -> getTranslation("tier." + tier.name()));
        tiers.setHelperText(getTranslation("campaign.tiers.help"));
        LocalDateTime now = LocalDateTime.now(clock.withZone(formats.zone()));
        DateTimePicker startsAt = ComponentTexts.localized(new DateTimePicker(getTranslation("campaign.startsAt")));
        startsAt.setHelperText(getTranslation("campaign.startsAt.help"));
        startsAt.setMin(now);
        DateTimePicker endsAt = ComponentTexts.localized(new DateTimePicker(getTranslation("campaign.endsAt"), now.plusDays(7).withSecond(0).withNano(0)));
        endsAt.setMin(now);
        FormErrors errors = new FormErrors(this).field("kind", kind).field("nameZh", nameZh).field("nameEn", nameEn)
                .field("multiplier", multiplier).field("bonusPoints", bonus).field("categories", categories)
                .field("startsAt", startsAt).field("endsAt", endsAt);

        Supplier<CampaignDraft> draft = () -> new CampaignDraft(kind.getValue(), nameZh.getValue(), nameEn.getValue(),
                multiplier.isVisible() ? multiplier.getValue() : null,
                bonus.isVisible() && bonus.getValue() != null ? bonus.getValue().longValue() : null,
                Arrays.stream(categories.getValue().split("[,，]")).map(String::strip).filter(text -> !text.isEmpty())
                        .collect(Collectors.toSet()),
                Set.copyOf(tiers.getValue()), startsAt.isEmpty() ? null : instant(startsAt.getValue()),
                endsAt.isEmpty() ? null : instant(endsAt.getValue()));

        Dialog dialog = new Dialog(getTranslation("campaign.new"));
        dialog.addClassName("campaign-dialog");
        Button confirm = new Button(getTranslation("campaign.launch"), click -> {
            errors.clear();
            try {
                campaigns.launchMine(draft.get());
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notification.show(getTranslation("campaign.launched")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        confirm.addClassName("launch-campaign");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(kind, nameZh, nameEn, multiplier, bonus, categories, tiers, startsAt, endsAt),
                preview(draft, errors));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    /** A sample purchase at the draft's start, with the campaign and without it: what a launch would change. */
    private Div preview(Supplier<CampaignDraft> draft, FormErrors errors) {
        TextField category = new TextField(getTranslation("campaign.preview.category"));
        category.addClassName("preview-category");
        BigDecimalField amount = new BigDecimalField(getTranslation("campaign.preview.amount"));
        amount.addClassName("preview-amount");
        amount.setValue(new BigDecimal("100"));
        Select<Tier> tier = new Select<>();
        tier.setLabel(getTranslation("campaign.preview.tier"));
        tier.setItems(Tier.values());
        tier.setItemLabelGenerator(value -> getTranslation("tier." + value.name()));
        tier.setValue(Tier.ORDINARY);
        Checkbox firstHere = new Checkbox(getTranslation("campaign.preview.first"));
        Paragraph result = new Paragraph();
        result.addClassName("campaign-preview-result");
        BreakdownGrid breakdown = new BreakdownGrid(campaigns, formats);
        breakdown.addClassName("campaign-preview-breakdown");
        breakdown.setVisible(false);
        Button run = new Button(getTranslation("campaign.preview.run"), click -> {
            errors.clear();
            breakdown.setVisible(false);
            try {
                PurchaseRequest.Line line = new PurchaseRequest.Line("PREVIEW-1", category.getValue(), category.getValue(), 1,
                        amount.getValue() == null ? BigDecimal.ZERO : amount.getValue(), false, null);
                EarningRules.CampaignPreview preview = rules.previewCampaign(draft.get(), List.of(line),
                        new EarningFacts(tier.getValue(), firstHere.getValue(), false, Instant.EPOCH));
                result.setText(getTranslation("campaign.preview.result", formats.dateTime(preview.campaign().startsAt(), getLocale()),
                        DisplayFormats.plain(line.unitPrice()), CategoryNames.name(line.category(), getLocale()), getTranslation("tier." + tier.getValue().name()),
                        formats.number(preview.with().points(), getLocale()), formats.number(preview.without().points(), getLocale())));
                breakdown.show(preview.with().lines().stream().map(PurchaseResult.RulePoints::of).toList(), preview.campaign());
                breakdown.setVisible(true);
            } catch (InvalidInputException refused) {
                if (List.of("basket", "rules").contains(refused.field())) {
                    result.setText(getTranslation(refused.messageKey(), refused.arguments()));
                } else {
                    errors.show(refused);
                    result.setText("");
                }
            }
        });
        run.addClassName("preview-campaign");
        Div panel = new Div(new H4(getTranslation("campaign.preview.title")), new Paragraph(getTranslation("campaign.preview.help")),
                new FormLayout(category, amount, tier, firstHere), run, result, breakdown);
        panel.addClassNames("card", "campaign-preview");
        return panel;
    }

    private Instant instant(LocalDateTime local) {
        return local.atZone(formats.zone()).toInstant();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.campaigns");
    }
}
