package org.evergreen.merchant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.merchant.ApplicationProgress;
import org.evergreen.merchant.MerchantApplications;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.ui.LanguageSwitch;

/** Applicants follow their application with its tracking code and their contact phone. */
@Route(value = "join/status", autoLayout = false)
@AnonymousAllowed
public class ApplicationStatusView extends VerticalLayout implements HasDynamicTitle {

    private final MerchantApplications applications;
    private final DisplayFormats formats;
    private final TextField trackingCode = new TextField();
    private final TextField contactPhone = new TextField();
    private final Div result = new Div();

    public ApplicationStatusView(MerchantApplications applications, DisplayFormats formats) {
        this.applications = applications;
        this.formats = formats;
        addClassName("application-status-view");
        setAlignItems(Alignment.CENTER);
        trackingCode.setLabel(getTranslation("application.trackingCode"));
        // Room for the spaces and dashes people type between groups; the service drops them.
        trackingCode.setMaxLength(20);
        contactPhone.setLabel(getTranslation("application.contactPhone"));
        contactPhone.setMaxLength(11);
        Button look = new Button(getTranslation("application.lookUp"), click -> lookUp());
        look.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout query = new HorizontalLayout(trackingCode, contactPhone, look);
        query.setAlignItems(Alignment.END);
        result.addClassName("application-progress");
        add(new LanguageSwitch(), new H1(getTranslation("application.status.title")), query, result);
    }

    private void lookUp() {
        result.removeAll();
        applications.progress(trackingCode.getValue(), contactPhone.getValue()).ifPresentOrElse(this::show,
                () -> result.add(new Paragraph(getTranslation("application.status.unknown"))));
    }

    private void show(ApplicationProgress progress) {
        Div card = new Div(new Fact(getTranslation("merchant.name"), progress.nameZh()),
                new Fact(getTranslation("application.status"), getTranslation("application.status." + progress.status().name())),
                new Fact(getTranslation("application.submittedAt"), formats.dateTime(progress.submittedAt(), getLocale())));
        card.addClassName("card");
        if (progress.decisionReason() != null) {
            Fact reason = new Fact(getTranslation("application.reason"), progress.decisionReason());
            reason.addClassName("decision-reason");
            card.add(reason);
        }
        result.add(card);
        if (progress.ownerUsername() != null) {
            // The approval made a login: the applicant learns where and with which name; the password comes from the reviewer.
            Paragraph signIn = new Paragraph(getTranslation("application.signIn", progress.ownerUsername()));
            signIn.addClassName("application-sign-in");
            result.add(signIn, new Anchor("login", getTranslation("application.signIn.open")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("application.status.title") + " · " + getTranslation("app.name");
    }
}
