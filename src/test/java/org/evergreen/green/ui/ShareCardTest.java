package org.evergreen.green.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.green.GreenPurchases;
import org.evergreen.green.ShareCards;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A member shares a card of their year: anyone with the link sees the figures and nothing that names the member; only
 * the member stops sharing it, and then the link shows nothing.
 */
class ShareCardTest extends KaribuTest {

    @Autowired
    ShareCards cards;
    @Autowired
    JdbcClient jdbc;

    /** Nobody signed in: the link is opened by someone else. */
    private static void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSharedCardShowsTheYearButNotTheMemberAndStopsWhenTheMemberSaysSo() throws Exception {
        GreenPurchases green = new GreenPurchases(context);
        CatalogFixtures.TestMember member = green.newMemberWithLogin();
        green.buyBulbsAndTea(member.id());
        GreenPurchases.await(() -> green.hasMonth(member.id()));
        String memberNumber = new CatalogFixtures(context).memberNumber(member.id());

        login(member.username());
        navigate("member/impact");
        _click(_get(Button.class, spec -> spec.withClasses("impact-card-share")));
        String href = _get(Anchor.class, spec -> spec.withClasses("impact-card-link")).getHref();
        assertThat(href).matches("green/card/[A-Za-z0-9_-]{43}");
        String token = href.substring("green/card/".length());

        logout();
        navigate(href);
        Image card = _get(Image.class, spec -> spec.withClasses("share-card"));
        String svg = new String(Base64.getDecoder().decode(card.getSrc().substring(card.getSrc().indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(svg).contains("35.4 千克", "60 积分", "84.5%", "2 棵树一年的吸收量").doesNotContain(memberNumber, member.username(), "测试会员");

        String other = green.newMemberWithLogin().username();
        login(other);
        assertThatThrownBy(() -> cards.stop(token)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("impact.card.notYours"));
        assertThat(cards.shown(token)).isPresent();

        login(member.username());
        navigate("member/impact");
        _click(_get(Button.class, spec -> spec.withClasses("impact-card-stop")));
        assertThat(cards.shown(token)).isEmpty();
        logout();
        navigate(href);
        assertThat(_find(Image.class, spec -> spec.withClasses("share-card"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withText("此卡片未分享（或已停止分享）。"))).isNotNull();
        navigate("green/card/not-a-token");
        assertThat(_get(Paragraph.class, spec -> spec.withText("此卡片未分享（或已停止分享）。"))).isNotNull();
    }
}
