package org.evergreen.member;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.evergreen.KaribuTest;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo member's own pages show their own data, from the database. */
class MemberPortalViewsTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tiers tiers;

    @Test
    void theHomePageShowsTheMembersOwnNumberAndTier() {
        login("member");
        navigate("member");

        String storedNumber = jdbc.sql("""
                        SELECT m.member_number FROM member_member m JOIN security_user u ON u.id = m.user_id
                        WHERE u.username = 'member'""").query(String.class).single();
        assertThat(_get(H2.class).getText()).isEqualTo("您好，王小绿");
        assertThat(_get(Fact.class, spec -> spec.withClasses("member-number")).value()).isEqualTo(storedNumber);
        assertThat(_find(Fact.class).stream().map(Fact::value)).contains("普通会员");
    }

    @Test
    void theHomePageShowsThePointsWhatExpiresNextThePoolTheLastMovementsAndWhatThePointsBuy() {
        login("member");
        navigate("member");

        assertThat(_get(Fact.class, spec -> spec.withClasses("points-available")).value()).isEqualTo("2,980");
        assertThat(_get(Fact.class, spec -> spec.withClasses("points-held")).value()).isEqualTo("800");
        assertThat(_get(Fact.class, spec -> spec.withClasses("points-frozen")).value()).isEqualTo("0");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("home-expiring")).getText()).startsWith("500 积分将于").endsWith("到期");
        assertThat(_get(Fact.class, spec -> spec.withClasses("home-pool")).getElement().getTextRecursively()).startsWith("王家的积分池");
        assertThat(_get(ProgressBar.class, spec -> spec.withClasses("tier-progress")).getValue()).isGreaterThanOrEqualTo(0);
        // The newest movements, as on the points page, and the rewards the 2,980 points pay for, dearest first.
        Div activity = _get(Div.class, spec -> spec.withClasses("home-activity"));
        assertThat(_find(activity, Component.class, spec -> spec.withClasses("activity-title")))
                .extracting(title -> title.getElement().getText()).contains("兑换 · 环保随行杯");
        assertThat(_find(activity, Span.class, spec -> spec.withClasses("activity-points"))).extracting(Span::getText)
                .containsExactly("+500", "-1,000", "-800", "+3,000", "+1,280");
        // Other tests add rewards to the one catalog: whatever is shown costs at most what the member has.
        Div rewards = _get(Div.class, spec -> spec.withClasses("home-rewards"));
        List<Long> prices = _find(rewards, Span.class, spec -> spec.withClasses("activity-points")).stream()
                .map(price -> Long.parseLong(price.getText().split(" ")[0].replace(",", ""))).toList();
        assertThat(prices).isNotEmpty().allMatch(price -> price <= 2_980).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(_find(rewards, Div.class, spec -> spec.withClasses("home-reward")))
                .extracting(reward -> reward.getElement().getTextRecursively())
                .allMatch(reward -> reward.matches(".+ · .+[\\d,]+ 积分( \\+ ¥[\\d.]+)?"));
    }

    @Test
    void theHomePageShowsTheTierTheSpendGaveAndWhatTheNextTierTakes() {
        long memberId = jdbc.sql("SELECT id FROM security_user WHERE username = '13800000031'").query(Long.class).single();
        assertThat(SystemActor.call(() -> tiers.recordQualifyingSpend(memberId, new BigDecimal("6200.50")))).isEqualTo(Tier.SILVER);
        login("13800000031");
        navigate("member");
        assertThat(_find(Fact.class).stream().map(Fact::value)).contains("银卡会员", "¥6,200.50");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("next-tier")).getText()).isEqualTo("12 个月内再消费 ¥13799.5 即可升级为金卡会员。");

        SystemActor.run(() -> tiers.recordQualifyingSpend(memberId, new BigDecimal("25000")));
        navigate("member");
        assertThat(_find(Fact.class).stream().map(Fact::value)).contains("金卡会员");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("next-tier")).getText()).isEqualTo("您已是最高等级。");
    }

    @Test
    void theMemberShowsAOneTimeCodeAsDigitsAndQrCode() {
        login("member");
        navigate("member");
        _click(_get(Button.class, spec -> spec.withText("出示会员码")));

        String shown = _get(Fact.class, spec -> spec.withClasses("one-time-code-digits")).value();
        assertThat(shown).matches("\\d{5} \\d{5}");
        assertThat(_get(Image.class, spec -> spec.withClasses("qr-code")).getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_code WHERE code = ? AND used_at IS NULL AND expires_at > UTC_TIMESTAMP(6)")
                .param(shown.replace(" ", "")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHouseholdPageListsTheMembersOfTheirOwnHousehold() {
        login("member");
        navigate("member/household");

        assertThat(_get(H2.class, spec -> spec.withText("王家")).getText()).isEqualTo("王家");
        @SuppressWarnings("unchecked")
        Grid<Object> members = _get(Grid.class, spec -> spec.withClasses("household-members"));
        assertThat(IntStream.range(0, GridKt._size(members)).mapToObj(row -> GridKt._getFormattedRow(members, row).getFirst()))
                .containsExactly("王小绿（户主）", "李晓明", "张伟", "王芳");
    }

    @Test
    void aMemberWithoutHouseholdIsToldSo() {
        login("13800000033");
        navigate("member/household");
        assertThat(_find(Grid.class)).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withText("您尚未加入任何家庭。"))).isNotNull();
    }
}
