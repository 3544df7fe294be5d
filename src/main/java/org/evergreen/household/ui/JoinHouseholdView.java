package org.evergreen.household.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.household.InvitationDetails;
import org.evergreen.household.Households;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

/** Where an invitation's link or code leads: whose household, under which leaving rule; join with consent, or decline. */
@Route("member/household/join")
@RolesAllowed(Roles.MEMBER)
class JoinHouseholdView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Households households;
    private final DisplayFormats formats;

    JoinHouseholdView(Households households, DisplayFormats formats) {
        this.households = households;
        this.formats = formats;
        addClassName("join-household-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = event.getLocation().getQueryParameters().getSingleParameter("code").orElse("");
        households.invitation(code).ifPresentOrElse(this::show,
                () -> add(new Paragraph(getTranslation("household.invitation.unknown"))));
    }

    private void show(InvitationDetails invitation) {
        add(new H2(getTranslation("household.join.title", invitation.householdName())));
        Div card = new Div(new Fact(getTranslation("household.join.head"), invitation.headName()),
                new Fact(getTranslation("household.leavingRule"), getTranslation("household.leavingRule." + invitation.leavingRule().name())),
                new Fact(getTranslation("household.join.until"), formats.dateTime(invitation.expiresAt(), getLocale())));
        card.addClassName("card");
        add(card);
        if (invitation.state() != InvitationDetails.State.OPEN) {
            Paragraph closed = new Paragraph(getTranslation(invitation.state() == InvitationDetails.State.EXPIRED
                    ? "household.invitation.expired" : "household.invitation.answered"));
            closed.addClassName("invitation-closed");
            add(closed);
            return;
        }
        Paragraph terms = new Paragraph(getTranslation("household.terms"));
        Checkbox consent = new Checkbox(getTranslation("household.consent"));
        consent.addClassName("pooling-consent");
        Button accept = new Button(getTranslation("household.join.accept"), click -> answer(() -> households.accept(invitation.code(), consent.getValue())));
        accept.addClassName("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button decline = new Button(getTranslation("household.join.decline"), click -> answer(() -> households.decline(invitation.code())));
        decline.addClassName("decline-invitation");
        add(terms, consent, new HorizontalLayout(accept, decline));
    }

    private void answer(Runnable answer) {
        try {
            answer.run();
            Notification.show(getTranslation("household.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(MyHouseholdView.class);
        } catch (InvalidInputException refused) {
            new FormErrors(this).show(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("household.join");
    }
}
