package org.evergreen.portal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist (a mistyped address, or a purchase number that is not a number), in the portal's own
 * words and the reader's language, with the way home; Vaadin's own page would be English, and with no access rule of
 * its own the access control would answer it with a bare 403.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        addClassName("not-found-view");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("notFound.title")), new Paragraph(getTranslation("notFound.message")),
                new Anchor("", getTranslation("accessDenied.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
