package org.evergreen;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.security.ui.LoginView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Every demo role against every portal route: its own portal opens, every other portal politely refuses. */
class AccessMatrixTest extends KaribuTest {

    private static final List<String> PORTALS = List.of("member", "merchant", "admin", "regulator");

    @ParameterizedTest
    @CsvSource({"member, member", "merchant, merchant", "admin, admin", "regulator, regulator"})
    void eachDemoRoleLandsInItsPortalAndIsRefusedTheOthers(String username, String portal) {
        login(username);
        navigate("");
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo(portal);
        assertThat(NavigatorKt.getCurrentView()).isNotEqualTo(AccessDeniedView.class);

        List<String> routes = portalRoutes();
        assertThat(routes).hasSizeGreaterThan(PORTALS.size());
        for (String route : routes) {
            navigate(route);
            if (belongsTo(route, portal)) {
                assertThat(NavigatorKt.getCurrentView()).as(route).isNotEqualTo(AccessDeniedView.class);
                assertThat(NavigatorKt.getCurrentPath()).as(route).isEqualTo(route);
            } else {
                assertThat(NavigatorKt.getCurrentView()).as(route).isEqualTo(AccessDeniedView.class);
                assertThat(_get(H1.class).getText()).isEqualTo("此页面不属于您的角色");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"member, member", "merchant, merchant", "admin, admin", "regulator, regulator"})
    void theMenuListsOnlyTheOwnPortalsViews(String username, String portal) {
        login(username);
        navigate(portal);
        List<String> menuPaths = _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
        List<String> ownRoutes = portalRoutes().stream()
                .filter(route -> belongsTo(route, portal) && !PARAMETERIZED.contains(route) && !REACHED_BY_LINK.contains(route)).toList();
        assertThat(menuPaths).containsExactlyInAnyOrderElementsOf(ownRoutes);
    }

    @Test
    void anonymousVisitorsOfAnyPortalRouteMeetTheLogin() {
        for (String route : portalRoutes()) {
            navigate(route);
            assertThat(NavigatorKt.getCurrentView()).as(route).isEqualTo(LoginView.class);
        }
    }

    private static List<String> portalRoutes() {
        return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate)
                .map(AccessMatrixTest::withSampleParameters)
                .filter(template -> PORTALS.stream().anyMatch(portal -> belongsTo(template, portal)))
                .sorted()
                .toList();
    }

    /** Routes opened from a link someone sent (an invitation), not from the menu. */
    private static final java.util.Set<String> REACHED_BY_LINK = java.util.Set.of("member/household/join");

    /** Routes that take a parameter (opened with the sample value 1): they have no menu entry. */
    private static final java.util.Set<String> PARAMETERIZED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String withSampleParameters(String template) {
        if (!template.contains(":")) {
            return template;
        }
        String sample = template.replaceAll(":[^/]+", "1");
        PARAMETERIZED.add(sample);
        return sample;
    }

    private static boolean belongsTo(String route, String portal) {
        return route.equals(portal) || route.startsWith(portal + "/");
    }
}
