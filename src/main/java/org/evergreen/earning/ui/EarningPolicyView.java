package org.evergreen.earning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import org.evergreen.earning.EarningPolicies;
import org.evergreen.earning.EarningPolicy;
import org.evergreen.member.TierThresholds;
import org.evergreen.member.Tiers;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;

/** Admins set the platform's tier thresholds and its cap on bonuses, and run the sign-up bonus. */
@Route("admin/earning")
@Menu(title = "nav.admin.earning", order = 2.7, icon = "vaadin:sliders")
@RolesAllowed(Roles.ADMIN)
class EarningPolicyView extends VerticalLayout implements HasDynamicTitle {

    private final Tiers tiers;
    private final EarningPolicies policies;
    private final Campaigns campaigns;
    private final DisplayFormats formats;
    private final Clock clock;
    private final Grid<Campaign> platformCampaigns = new Grid<>();

    EarningPolicyView(Tiers tiers, EarningPolicies policies, Campaigns campaigns, DisplayFormats formats, Clock clock) {
        this.tiers = tiers;
        this.policies = policies;
        this.campaigns = campaigns;
        this.formats = formats;
        this.clock = clock;
        addClassName("earning-policy-view");
        RuleTexts texts = new RuleTexts(this, formats);
        platformCampaigns.addClassName("platform-campaign-grid");
        platformCampaigns.addColumn(texts::describe).setHeader(getTranslation("campaign.offer"));
        platformCampaigns.setItems(query -> campaigns.platformCampaigns(query.getOffset(), query.getLimit()).stream());
        platformCampaigns.setHeight("16em");
        add(new H3(getTranslation("tiers.title")), tierForm(), new H3(getTranslation("policy.title")), capForm(),
                new H3(getTranslation("policy.greenLimit.title")), greenLimitForm(),
                new H3(getTranslation("policy.signUp")), signUpForm(), platformCampaigns);
    }

    private Div tierForm() {
        TierThresholds current = tiers.thresholds();
        BigDecimalField silver = new BigDecimalField(getTranslation("tiers.silverSpend"));
        BigDecimalField gold = new BigDecimalField(getTranslation("tiers.goldSpend"));
        silver.setValue(current.silverSpend());
        gold.setValue(current.goldSpend());
        FormErrors errors = new FormErrors(this).field("silverSpend", silver).field("goldSpend", gold);
        Button save = new Button(getTranslation("action.save"), click -> save(errors, () -> tiers.setThresholds(silver.getValue(), gold.getValue())));
        save.addClassName("save-tiers");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return card(new Paragraph(getTranslation("tiers.help")), new FormLayout(silver, gold), save);
    }

    private Div capForm() {
        EarningPolicy current = policies.current();
        BigDecimalField cap = new BigDecimalField(getTranslation("policy.capPercent"));
        cap.setValue(current.bonusCapPercent());
        FormErrors errors = new FormErrors(this).field("bonusCapPercent", cap);
        Button save = new Button(getTranslation("action.save"), click -> save(errors, () -> policies.set(cap.getValue())));
        save.addClassName("save-policy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // The point's value is set in one place, the catalog's, and changes only after its notice: here it is only read.
        Paragraph value = new Paragraph(getTranslation("policy.pointValue", DisplayFormats.plain(current.yuanPerPoint())));
        value.addClassName("policy-point-value");
        return card(new Paragraph(getTranslation("policy.help")), new FormLayout(cap), value,
                new Anchor("admin/catalog", getTranslation("policy.pointValue.change")), save);
    }

    private Div greenLimitForm() {
        BigDecimalField limit = new BigDecimalField(getTranslation("policy.greenLimit"));
        limit.setValue(policies.greenBonusLimit());
        limit.addClassName("green-limit");
        FormErrors errors = new FormErrors(this).field("maxGreenPointsPerYuan", limit);
        Button save = new Button(getTranslation("action.save"), click -> save(errors, () -> policies.setGreenBonusLimit(limit.getValue())));
        save.addClassName("save-green-limit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return card(new Paragraph(getTranslation("policy.greenLimit.help")), new FormLayout(limit), save);
    }

    private Div signUpForm() {
        TextField nameZh = new TextField(getTranslation("campaign.nameZh"));
        TextField nameEn = new TextField(getTranslation("campaign.nameEn"));
        IntegerField bonus = new IntegerField(getTranslation("rules.field.bonusPoints"));
        LocalDateTime now = LocalDateTime.now(clock.withZone(formats.zone()));
        DateTimePicker endsAt = ComponentTexts.localized(new DateTimePicker(getTranslation("campaign.endsAt"), now.plusDays(90).withSecond(0).withNano(0)));
        FormErrors errors = new FormErrors(this).field("nameZh", nameZh).field("nameEn", nameEn).field("bonusPoints", bonus)
                .field("endsAt", endsAt);
        Button launch = new Button(getTranslation("campaign.launch"), click -> save(errors, () -> {
            campaigns.launch(null, new CampaignDraft(CampaignKind.SIGN_UP, nameZh.getValue(), nameEn.getValue(), null,
                    bonus.getValue() == null ? null : bonus.getValue().longValue(), Set.of(), Set.of(), null,
                    endsAt.isEmpty() ? null : endsAt.getValue().atZone(formats.zone()).toInstant()));
            platformCampaigns.getDataProvider().refreshAll();
        }));
        launch.addClassName("launch-sign-up");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return card(new Paragraph(getTranslation("policy.signUp.help")), new FormLayout(nameZh, nameEn, bonus, endsAt), launch);
    }

    private void save(FormErrors errors, Runnable change) {
        errors.clear();
        try {
            change.run();
            Notification.show(getTranslation("policy.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    private static Div card(Component... content) {
        Div card = new Div(content);
        card.addClassName("card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.earning");
    }
}
