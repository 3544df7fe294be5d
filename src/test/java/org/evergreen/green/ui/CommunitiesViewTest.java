package org.evergreen.green.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.green.Communities;
import org.evergreen.green.GreenPurchases;
import org.evergreen.green.GreenReports;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An opt-in community: members join only with consent; the community sees their figures added up (two members, each
 * with 2 LED bulbs: 70,716 g) and a leaderboard of only the member who chose an alias; a member who has not joined sees
 * nothing of it, and one who leaves is counted no more.
 */
class CommunitiesViewTest extends KaribuTest {

    @Autowired
    Communities communities;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenReports reports;

    @Test
    void membersJoinWithConsentAndTheCommunitySeesSumsAndOnlyAliasesThatChoseToAppear() throws Exception {
        login("admin");
        navigate("admin/communities");
        String name = "绿色小学 " + System.nanoTime() % 100_000;
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（中文）")), name);
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（英文）")), "Green Primary");
        _click(_get(Button.class, spec -> spec.withClasses("open-community")));
        assertThat(communities.all()).as("no kind chosen: refused, nothing opened").noneMatch(community -> community.nameZh().equals(name));
        long communityId = communities.open(name, "Green Primary", Communities.Kind.SCHOOL);

        GreenPurchases green = new GreenPurchases(context);
        CatalogFixtures.TestMember named = green.newMemberWithLogin();
        CatalogFixtures.TestMember quiet = green.newMemberWithLogin();
        CatalogFixtures.TestMember outsider = green.newMemberWithLogin();
        for (CatalogFixtures.TestMember member : List.of(named, quiet, outsider)) {
            green.buyBulbsAndTea(member.id());
            GreenPurchases.await(() -> green.hasMonth(member.id()));
        }

        login(named.username());
        navigate("member/communities");
        Grid<Object> grid = grid("communities-grid");
        int row = IntStream.range(0, GridKt._size(grid)).filter(index -> GridKt._getFormattedRow(grid, index).getFirst().equals(name))
                .findFirst().orElseThrow();
        _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withClasses("community-join")));
        _click(_get(Button.class, spec -> spec.withClasses("community-confirm")));
        assertThat(_get(Checkbox.class, spec -> spec.withClasses("community-consent")).getErrorMessage())
                .isEqualTo("只有同意社群看到您数字的合计，才能加入。");
        assertThat(count(communityId)).isZero();
        _get(Checkbox.class, spec -> spec.withClasses("community-consent")).setValue(true);
        setValue(_get(TextField.class, spec -> spec.withClasses("community-alias")), "小树苗");
        _click(_get(Button.class, spec -> spec.withClasses("community-confirm")));
        assertThat(count(communityId)).isEqualTo(1);

        login(quiet.username());
        long id = communityId;
        communities.join(id, true, null);
        navigate("member/communities");
        assertThatThrownBy(() -> communities.join(id, true, null)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("communities.alreadyJoined"));

        Communities.CommunityYear year = communities.year(id, reports.currentYear());
        assertThat(year.community().members()).isEqualTo(2);
        assertThat(year.figures().co2eGrams()).isEqualTo(70_716);
        assertThat(year.figures().greenPoints()).isEqualTo(120);
        assertThat(year.leaders()).containsExactly(new Communities.Leader("小树苗", 35_358));

        login(outsider.username());
        assertThatThrownBy(() -> communities.year(id, 2026)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("communities.membersOnly"));

        login(named.username());
        communities.leave(id);
        login(quiet.username());
        assertThat(communities.year(id, year.year()).figures().co2eGrams()).isEqualTo(35_358);
        assertThat(communities.year(id, year.year()).leaders()).isEmpty();

        login("merchant");
        navigate("member/communities");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
        assertThatThrownBy(() -> communities.open("x", "x", Communities.Kind.COMPANY)).isInstanceOf(AccessDeniedException.class);
    }

    private long count(long communityId) {
        return jdbc.sql("SELECT COUNT(*) FROM green_community_member WHERE community_id = ?").param(communityId).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String className) {
        return _get(Grid.class, spec -> spec.withClasses(className));
    }
}
