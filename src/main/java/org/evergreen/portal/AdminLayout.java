package org.evergreen.portal;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.security.Roles;

/** Shell of every view under {@code /admin}. */
@Layout("/admin")
@RolesAllowed(Roles.ADMIN)
public class AdminLayout extends PortalLayout {

    public AdminLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        super(Role.ADMIN, currentUser, authentication);
    }
}
