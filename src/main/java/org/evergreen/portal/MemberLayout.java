package org.evergreen.portal;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.security.Roles;

/** Shell of every view under {@code /member}. */
@Layout("/member")
@RolesAllowed(Roles.MEMBER)
public class MemberLayout extends PortalLayout {

    public MemberLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        super(Role.MEMBER, currentUser, authentication);
    }
}
