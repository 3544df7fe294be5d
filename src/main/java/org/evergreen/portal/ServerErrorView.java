package org.evergreen.portal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.evergreen.shared.database.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * A page that failed to open, in the portal's own words instead of Vaadin's stack trace: when the database cannot be
 * reached (however deep the failure sits: a view's constructor is wrapped by Spring), "temporarily unavailable" with a way
 * to try again and a 503; anything else, an apology with an incident number that is also in the log, and a 500.
 */
@AnonymousAllowed
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        setAlignItems(Alignment.CENTER);
        Anchor retry = new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("unavailable.retry"));
        if (DatabaseOutages.isOutage(parameter.getCaughtException())) {
            log.warn("A page could not reach the database: {}", event.getLocation().getPath());
            addClassName("database-unavailable-view");
            add(new H1(getTranslation("unavailable.title")), new Paragraph(getTranslation("unavailable.message")), retry);
            VaadinResponse response = VaadinResponse.getCurrent();
            if (response != null) {
                response.setHeader("Retry-After", Long.toString(DatabaseOutages.RETRY_AFTER_SECONDS));
            }
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("A page failed to open, incident {}", incident, parameter.getCaughtException());
        addClassName("server-error-view");
        add(new H1(getTranslation("serverError.title")), new Paragraph(getTranslation("error.unexpected", incident)), retry);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
