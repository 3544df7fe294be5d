package org.evergreen.portal;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.EvergreenUser;
import org.evergreen.security.Role;
import org.evergreen.shared.ui.LanguageSwitch;

/**
 * The shell shared by the four portals: side navigation with the views under the portal's path that the
 * user may open (menu titles are translation keys), and a header with the user's name, the language switch
 * and logout.
 */
abstract class PortalLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    PortalLayout(Role role, CurrentUser currentUser, AuthenticationContext authentication) {
        addClassName("portal-layout");
        addClassName("portal-" + role.portalPath());
        EvergreenUser user = currentUser.require();

        viewTitle.addClassName("view-title");
        Span userName = new Span(user.displayName());
        userName.addClassName("user-name");
        Span roleName = new Span(getTranslation("role." + role.name()));
        roleName.addClassName("role-name");
        Button logout = new Button(getTranslation("portal.logout"), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("logout");
        HorizontalLayout account = new HorizontalLayout(userName, roleName, new LanguageSwitch(), logout);
        account.addClassName("account-bar");
        account.setAlignItems(HorizontalLayout.Alignment.CENTER);
        addToNavbar(new DrawerToggle(), viewTitle, account);

        Div brand = new Div(new Span(getTranslation("app.name")), new Span(getTranslation("portal." + role.portalPath())));
        brand.addClassName("brand");
        addToDrawer(brand, navigation(role));
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation(Role role) {
        SideNav nav = new SideNav();
        String prefix = role.portalPath();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                SideNavItem item = new SideNavItem(getTranslation(entry.title()), path);
                if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                    item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
                }
                nav.addItem(item);
            }
        }
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
