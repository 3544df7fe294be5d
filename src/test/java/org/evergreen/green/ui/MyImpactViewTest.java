package org.evergreen.green.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRecorded;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.green.GreenPurchases;
import org.evergreen.green.GreenReports;
import org.evergreen.green.internal.GreenImpactRepository;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's impact report against figures worked out by hand. This year, at the demo store (green bonus 1 point per
 * yuan): 2 LED bulbs at ¥30 (17,679 g each) with a ¥11 tea, then 2 refills at ¥5 (110 g each): ¥81 spent, ¥70 green,
 * 70 green points, 35,578 g. Last year: one LED bulb at ¥30, 30 green points, 17,679 g.
 */
class MyImpactViewTest extends KaribuTest {

    @Autowired
    GreenReports reports;
    @Autowired
    GreenImpactRepository impact;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMemberSeesTheirYearAgainstLastYearByMonthKindAndMerchant() throws Exception {
        GreenPurchases green = new GreenPurchases(context);
        CatalogFixtures.TestMember member = green.newMemberWithLogin();
        green.buyBulbsAndTea(member.id());
        green.buy(member.id(), new PurchaseRequest.Line("R-1", "洗衣液补充装", "refill", 2, new BigDecimal("5.00"), false, null));
        GreenPurchases.await(() -> green.spend(member.id()).compareTo(new BigDecimal("81.00")) == 0);
        lastYearsBulb(member.id());

        login(member.username());
        navigate("member/impact");
        assertThat(text("impact-co2e")).contains("35.6 千克", "比去年多 101%");
        assertThat(text("impact-green-points")).contains("70 积分", "比去年多 133%");
        assertThat(text("impact-green-share")).contains("86.4%", "消费 ¥81.00，其中绿色商品 ¥70.00");
        assertThat(text("impact-all-time")).contains("53.3 千克", "共获绿色积分 100");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("impact-equivalent"))).extracting(Paragraph::getText)
                .containsExactly("2 棵树一年的吸收量", "少开 209.3 公里燃油车", "少用 62.4 千瓦时电网电力");

        @SuppressWarnings("unchecked")
        Grid<Object> methods = _get(Grid.class, spec -> spec.withClasses("impact-method-grid"));
        assertThat(GridKt._size(methods)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(methods, 0)).containsExactly("LED 照明", "¥60.00", "35.4 千克");
        assertThat(GridKt._getFormattedRow(methods, 1)).containsExactly("补充装与散装", "¥10.00", "220 克");
        @SuppressWarnings("unchecked")
        Grid<Object> merchants = _get(Grid.class, spec -> spec.withClasses("impact-merchant-grid"));
        assertThat(GridKt._size(merchants)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(merchants, 0)).containsExactly("青松便利", "¥81.00", "86.4%", "70", "35.6 千克");

        // The home page shows the green points apart from all points, with what they avoided, and opens this report.
        navigate("member");
        assertThat(_get(Fact.class, spec -> spec.withClasses("home-green-points")).value()).isEqualTo("100");
        assertThat(_get(Fact.class, spec -> spec.withClasses("home-green-co2e")).value()).isEqualTo("53.3 千克");
        assertThat(_find(Anchor.class, spec -> spec.withText("我的环保报告"))).extracting(Anchor::getHref).containsExactly("member/impact");
        navigate("member/impact");

        String chart = svgOf(_get(Image.class, spec -> spec.withClasses("impact-monthly-chart")));
        assertThat(chart).startsWith("<svg").contains(">12月</text>", ">35</text>").doesNotContain("transform");
        assertThat(_get(Image.class, spec -> spec.withClasses("impact-monthly-chart")).getAlt().orElseThrow()).contains("共 35.6 千克");

        UI.getCurrent().getSession().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("member/impact");
        assertThat(text("impact-co2e")).contains("35.6 kg", "101% more than last year");
        assertThat(text("impact-green-points")).contains("70 points");
        assertThat(svgOf(_get(Image.class, spec -> spec.withClasses("impact-monthly-chart")))).contains(">Dec</text>");
    }

    @Test
    void aMemberSeesOnlyTheirOwnFiguresAndOthersCannotOpenThePage() throws Exception {
        GreenPurchases green = new GreenPurchases(context);
        long buyer = green.newMember();
        green.buyBulbsAndTea(buyer);
        GreenPurchases.await(() -> green.hasMonth(buyer));

        login(green.newMemberWithLogin().username());
        navigate("member/impact");
        assertThat(text("impact-co2e")).contains("0 千克", "今年尚无");
        assertThat(_get(Div.class, spec -> spec.withClasses("impact-by-method")).getElement().getTextRecursively()).contains("今年还没有绿色消费");
        @SuppressWarnings("unchecked")
        Grid<Object> merchants = _get(Grid.class, spec -> spec.withClasses("impact-merchant-grid"));
        assertThat(GridKt._size(merchants)).isZero();

        login("merchant");
        navigate("member/impact");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
    }

    /** Last year's purchase, delivered to the green listener's repository as its event would be. */
    private void lastYearsBulb(long memberId) throws InterruptedException {
        int lastYear = reports.currentYear() - 1;
        long merchant = new CatalogFixtures(context).merchantOf("merchant");
        PurchaseRecorded purchase = new PurchaseRecorded(-memberId, merchant, 1, null, "CONVENIENCE_STORE", memberId,
                LocalDate.of(lastYear, 6, 15).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), new BigDecimal("30.00"), 60, 30,
                List.of(new PurchaseRecorded.Line("LED-9W", "LED 灯泡", "led-lighting", 1, new BigDecimal("30.00"), true, "led-lighting", 17_679)));
        transactions.executeWithoutResult(status -> impact.add(purchase));
        GreenPurchases.await(() -> jdbc.sql("SELECT COUNT(*) FROM green_member_month WHERE member_id = ? AND YEAR(month) = ?")
                .params(memberId, lastYear).query(Long.class).single() > 0);
    }

    private static String text(String cardClass) {
        return _get(Div.class, spec -> spec.withClasses(cardClass)).getElement().getTextRecursively();
    }

    private static String svgOf(Image image) {
        String src = image.getSrc();
        return new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }
}
