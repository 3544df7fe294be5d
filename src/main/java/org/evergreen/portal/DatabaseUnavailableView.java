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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Shown instead of a page that could not reach the database: the portal's own "temporarily unavailable" page, in the
 * reader's language, with a way to try again; never a stack trace or the sign-in page. Two exception types lead here
 * (a failed connection, and a transaction that could not begin for want of one): one class each, as Vaadin asks.
 */
public abstract class DatabaseUnavailableView extends VerticalLayout {

    int show(BeforeEnterEvent event) {
        removeAll();
        addClassName("database-unavailable-view");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("unavailable.title")),
                new Paragraph(getTranslation("unavailable.message")),
                new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("unavailable.retry")));
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.setHeader("Retry-After", Long.toString(DatabaseOutages.RETRY_AFTER_SECONDS));
        }
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }

    /** A connection to the database failed. */
    @AnonymousAllowed
    public static class NoConnection extends DatabaseUnavailableView implements HasErrorParameter<DataAccessResourceFailureException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessResourceFailureException> parameter) {
            return show(event);
        }
    }

    /** A transaction could not begin, for want of a connection. */
    @AnonymousAllowed
    public static class NoTransaction extends DatabaseUnavailableView implements HasErrorParameter<CannotCreateTransactionException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<CannotCreateTransactionException> parameter) {
            return show(event);
        }
    }
}
