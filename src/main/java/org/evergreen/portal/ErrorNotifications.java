package org.evergreen.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.evergreen.ledger.LedgerException;
import org.evergreen.shared.database.DatabaseOutages;
import org.evergreen.shared.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Whatever a view did not handle reaches the person as a short message in their language, never as a stack
 * trace: refusals with their reason, anything unexpected with an incident number that is also in the log.
 */
@Component
class ErrorNotifications implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorNotifications.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(sessionInit -> sessionInit.getSession().setErrorHandler(error -> {
            UI ui = UI.getCurrent();
            if (ui == null) {
                log.error("Unhandled error outside a UI", error.getThrowable());
                return;
            }
            String message = messageFor(ui, rootCause(error.getThrowable()));
            Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }));
    }

    private static String messageFor(UI ui, Throwable cause) {
        return switch (cause) {
            case InvalidInputException invalid -> ui.getTranslation(invalid.messageKey(), invalid.arguments());
            case LedgerException refused -> ui.getTranslation(refused.messageKey());
            case AccessDeniedException denied -> ui.getTranslation("error.accessDenied");
            case Throwable outage when DatabaseOutages.isOutage(outage) -> {
                log.warn("The database could not be reached: {}", outage.toString());
                yield ui.getTranslation("unavailable.message");
            }
            default -> {
                String incident = UUID.randomUUID().toString().substring(0, 8);
                log.error("Unhandled error, incident {}", incident, cause);
                yield ui.getTranslation("error.unexpected", incident);
            }
        };
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof InvalidInputException || cause instanceof LedgerException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
