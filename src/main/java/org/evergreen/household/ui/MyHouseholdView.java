package org.evergreen.household.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.household.GiftLimits;
import org.evergreen.household.HouseholdActivity;
import org.evergreen.household.HouseholdOverview;
import org.evergreen.household.Households;
import org.evergreen.household.Invitation;
import org.evergreen.household.LeavingRule;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.ui.QrCodeImage;
import org.evergreen.shared.validation.InvalidInputException;

import java.util.Map;

/**
 * The member's household: found one or join by invitation; pool points once or by a standing sweep, give points
 * to the family within the platform's limits, see who contributed what and every movement; the head invites,
 * authorises redeemers, hands over, removes; anyone leaves under the agreed rule.
 */
@Route("member/household")
@Menu(title = "nav.member.household", order = 4, icon = "vaadin:family")
@RolesAllowed(Roles.MEMBER)
class MyHouseholdView extends VerticalLayout implements HasDynamicTitle {

    private final Households households;
    private final DisplayFormats formats;

    MyHouseholdView(Households households, DisplayFormats formats) {
        this.households = households;
        this.formats = formats;
        addClassName("my-household-view");
        render();
    }

    private void render() {
        removeAll();
        households.myHousehold().ifPresentOrElse(this::show, this::showNone);
    }

    private void showNone() {
        add(new Paragraph(getTranslation("household.none")));
        TextField name = new TextField(getTranslation("household.create.name"));
        RadioButtonGroup<LeavingRule> rule = new RadioButtonGroup<>(getTranslation("household.leavingRule"));
        rule.setItems(LeavingRule.values());
        rule.setItemLabelGenerator(value -> getTranslation("household.leavingRule." + value.name()));
        Checkbox consent = new Checkbox(getTranslation("household.consent"));
        consent.addClassName("pooling-consent");
        FormErrors errors = new FormErrors(this).field("name", name).field("leavingRule", rule);
        Button create = new Button(getTranslation("household.create"), click -> {
            errors.clear();
            try {
                households.createMine(name.getValue(), rule.getValue(), consent.getValue());
                render();
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        create.addClassName("create-household");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div createCard = new Div(new H3(getTranslation("household.create")), new Paragraph(getTranslation("household.terms")), name,
                rule, consent, create);
        createCard.addClassName("card");

        TextField code = new TextField(getTranslation("household.join.code"));
        code.addClassName("join-code");
        Button join = new Button(getTranslation("household.join"), click -> UI.getCurrent().navigate(JoinHouseholdView.class,
                QueryParameters.simple(Map.of("code", code.getValue().strip()))));
        join.addClassName("join-household");
        HorizontalLayout joinRow = new HorizontalLayout(code, join);
        joinRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(createCard, new H3(getTranslation("household.join")), joinRow);
    }

    private void show(HouseholdOverview household) {
        Div card = new Div(new Fact(getTranslation("household.leavingRule"), getTranslation("household.leavingRule." + household.leavingRule().name())),
                fact("household.pool", household.poolAvailable(), "pool-available"), fact("household.poolHeld", household.poolHeld(), "pool-held"));
        card.addClassName("card");
        add(new H2(household.name()), card, members(household), poolForm(household), giftForm(household));
        if (household.iAmHead()) {
            add(inviteButton());
        }
        add(leaveButton(household), activity());
    }

    private Fact fact(String label, long points, String className) {
        Fact fact = new Fact(getTranslation(label), formats.number(points, getLocale()));
        fact.addClassName(className);
        return fact;
    }

    private Grid<HouseholdOverview.Member> members(HouseholdOverview household) {
        Grid<HouseholdOverview.Member> grid = new Grid<>();
        grid.addClassName("household-members");
        grid.addColumn(member -> member.head() ? getTranslation("household.head", member.displayName()) : member.displayName())
                .setHeader(getTranslation("household.member")).setKey("name").setFlexGrow(2);
        grid.addColumn(member -> getTranslation(member.canRedeem() ? "household.canRedeem" : "household.cannotRedeem"))
                .setHeader(getTranslation("household.redeemRight")).setKey("redeem");
        grid.addColumn(member -> formats.number(member.unspent(), getLocale())).setHeader(getTranslation("household.unspent")).setKey("unspent");
        if (household.iAmHead()) {
            grid.addComponentColumn(member -> headActions(household, member)).setKey("actions").setAutoWidth(true);
        }
        grid.setItems(household.members());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component headActions(HouseholdOverview household, HouseholdOverview.Member member) {
        HorizontalLayout actions = new HorizontalLayout();
        if (member.memberId() == household.myMemberId()) {
            return actions;
        }
        actions.add(action(getTranslation(member.canRedeem() ? "household.revokeRedeem" : "household.grantRedeem"),
                        member.canRedeem() ? "revoke-redeem" : "grant-redeem",
                        () -> households.setCanRedeem(member.memberId(), !member.canRedeem())),
                action(getTranslation("household.handOver"), "hand-over", () -> households.handOver(member.memberId())),
                action(getTranslation("household.remove"), "remove-member", () -> households.remove(member.memberId())));
        return actions;
    }

    private Button action(String label, String className, Runnable work) {
        Button button = new Button(label);
        button.setDisableOnClick(true);
        button.addClickListener(click -> run(work, new FormErrors(this), button));
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private Div poolForm(HouseholdOverview household) {
        IntegerField points = new IntegerField(getTranslation("household.pool.points"));
        points.addClassName("pool-points");
        Button pool = new Button(getTranslation("household.pool.move"));
        pool.setDisableOnClick(true);
        FormErrors poolErrors = new FormErrors(this).field("points", points);
        pool.addClickListener(click -> run(() -> households.pool(value(points)), poolErrors, pool));
        pool.addClassName("pool-once");
        IntegerField percent = new IntegerField(getTranslation("household.sweep.percent"));
        percent.addClassName("sweep-percent");
        percent.setHelperText(getTranslation("household.sweep.help"));
        if (household.mySweepPercent() != null) {
            percent.setValue(household.mySweepPercent());
        }
        Button sweep = new Button(getTranslation("household.sweep.save"));
        sweep.setDisableOnClick(true);
        FormErrors sweepErrors = new FormErrors(this).field("sweepPercent", percent);
        sweep.addClickListener(click -> run(() -> households.setSweep(percent.getValue()), sweepErrors, sweep));
        sweep.addClassName("save-sweep");
        HorizontalLayout once = new HorizontalLayout(points, pool);
        once.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout standing = new HorizontalLayout(percent, sweep);
        standing.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new Div(new H3(getTranslation("household.pool.title")), once, standing);
    }

    private Div giftForm(HouseholdOverview household) {
        Select<HouseholdOverview.Member> recipient = new Select<>();
        recipient.setLabel(getTranslation("household.gift.to"));
        recipient.setItems(household.members().stream().filter(member -> member.memberId() != household.myMemberId()).toList());
        recipient.setItemLabelGenerator(HouseholdOverview.Member::displayName);
        recipient.addClassName("gift-recipient");
        IntegerField points = new IntegerField(getTranslation("household.gift.points"));
        points.addClassName("gift-points");
        GiftLimits limits = households.giftLimits();
        points.setHelperText(getTranslation("household.gift.limits", formats.number(limits.daily(), getLocale()),
                formats.number(limits.monthly(), getLocale())));
        Button give = new Button(getTranslation("household.gift.give"));
        give.setDisableOnClick(true);
        FormErrors errors = new FormErrors(this).field("recipient", recipient).field("points", points);
        give.addClickListener(click -> run(() -> {
            if (recipient.getValue() == null) {
                throw new InvalidInputException("recipient", "validation.required");
            }
            households.gift(recipient.getValue().memberId(), value(points));
        }, errors, give));
        give.addClassName("give-gift");
        HorizontalLayout row = new HorizontalLayout(recipient, points, give);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new Div(new H3(getTranslation("household.gift.title")), row);
    }

    private Button inviteButton() {
        Button invite = new Button(getTranslation("household.invite"), click -> {
            Invitation invitation = households.invite();
            Dialog dialog = new Dialog(getTranslation("household.invite"));
            dialog.addClassName("invitation-dialog");
            Fact code = new Fact(getTranslation("household.join.code"), invitation.code());
            code.addClassName("invitation-code");
            dialog.add(new QrCodeImage(invitation.code(), getTranslation("household.join.code")), code,
                    new Paragraph(getTranslation("household.invite.link", "/" + invitation.path())),
                    new Paragraph(getTranslation("household.invite.validUntil", formats.dateTime(invitation.expiresAt(), getLocale()))));
            dialog.getFooter().add(new Button(getTranslation("action.close"), close -> dialog.close()));
            dialog.open();
        });
        invite.addClassName("invite");
        return invite;
    }

    private Button leaveButton(HouseholdOverview household) {
        boolean alone = household.members().size() == 1;
        Button leave = new Button(getTranslation(alone ? "household.dissolve" : "household.leave"), click -> {
            Dialog confirm = new Dialog(getTranslation(alone ? "household.dissolve" : "household.leave"));
            confirm.addClassName("leave-dialog");
            confirm.add(new Paragraph(getTranslation(alone ? "household.dissolve.text" : "household.leave.text",
                    getTranslation("household.leavingRule." + household.leavingRule().name()))));
            Button yes = new Button(getTranslation(alone ? "household.dissolve" : "household.leave"));
            yes.addClickListener(yesClick -> {
                confirm.close();
                run(alone ? households::dissolve : households::leave, new FormErrors(this), yes);
            });
            yes.setDisableOnClick(true);
            yes.addClassName("confirm-leave");
            yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            confirm.getFooter().add(new Button(getTranslation("action.cancel"), no -> confirm.close()), yes);
            confirm.open();
        });
        leave.addClassName("leave-household");
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return leave;
    }

    private Div activity() {
        Grid<HouseholdActivity> grid = new Grid<>();
        grid.addClassName("household-activity");
        grid.addColumn(item -> formats.dateTime(item.at(), getLocale())).setHeader(getTranslation("household.activity.when")).setAutoWidth(true);
        grid.addColumn(item -> getTranslation("household.activity." + item.kind().name(), item.actorName(),
                item.memberName() == null ? "" : item.memberName(),
                item.points() == null ? "" : formats.number(item.points(), getLocale()))).setHeader(getTranslation("household.activity.what"))
                .setKey("what").setFlexGrow(4);
        grid.setItems(query -> households.myActivity(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(households.myActivityCount()));
        grid.setHeight("20em");
        // A div sized by its content would squeeze the grid (which has no width of its own) to a sliver.
        Div section = new Div(new H3(getTranslation("household.activity")), grid);
        section.setWidthFull();
        section.addClassName("household-activity-section");
        return section;
    }

    /**
     * Runs a change, then shows the household as it now is; a refusal goes next to the field it concerns, or in a
     * notification. Its button is disabled from the click (in the browser) until the answer, so that a double click
     * moves no points twice.
     */
    private void run(Runnable change, FormErrors errors, Button trigger) {
        errors.clear();
        try {
            change.run();
            Notification.show(getTranslation("household.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        } catch (InvalidInputException refused) {
            errors.show(refused);
            trigger.setEnabled(true);
        }
    }

    private static long value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.household");
    }
}
