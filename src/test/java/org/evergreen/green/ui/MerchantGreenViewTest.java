package org.evergreen.green.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.green.GreenAnalytics;
import org.evergreen.green.GreenMerchants;
import org.evergreen.green.GreenPurchases;
import org.evergreen.portal.AccessDeniedView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A merchant's green analytics against figures worked out by hand, at a merchant of the test's own (1 point and 1 green
 * point per yuan). East store: 2 LED bulbs at ¥30 (17,679 g each) and a ¥11 tea, then 3 refills at ¥5 (110 g each);
 * west store: a ¥20 loaf. One bulb is refunded (of the first purchase's 60 green points, 30/71 = 25 go back).
 * So: 3 purchases, ¥76 spent, ¥45 green (59.2%), 50 green points, 18,009 g.
 */
class MerchantGreenViewTest extends KaribuTest {

    @Autowired
    GreenAnalytics analytics;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMerchantSeesItsGreenSalesByStoreKindAndProductAndExportsThem() throws Exception {
        GreenMerchants merchants = new GreenMerchants(context);
        GreenMerchants.TestMerchant shop = merchants.newMerchant();
        long member = new GreenPurchases(context).newMember();
        PurchaseResult bulbs = merchants.buy(shop.tillKeys().get(0), member,
                new PurchaseRequest.Line("LED-9W", "LED 灯泡", "led-lighting", 2, new BigDecimal("30.00"), false, null),
                new PurchaseRequest.Line("TEA", "绿茶", "drinks", 1, new BigDecimal("11.00"), false, null));
        merchants.buy(shop.tillKeys().get(0), member, new PurchaseRequest.Line("R-1", "洗衣液补充装", "refill", 3, new BigDecimal("5.00"), false, null));
        merchants.buy(shop.tillKeys().get(1), member, new PurchaseRequest.Line("BREAD", "面包", "bakery", 1, new BigDecimal("20.00"), false, null));
        merchants.refund(shop.tillKeys().get(0), bulbs.purchaseId(), "LED-9W", 1);
        GreenPurchases.await(() -> jdbc.sql("SELECT COALESCE(SUM(spend), 0) FROM green_store_day WHERE merchant_id = ?").param(shop.id())
                .query(BigDecimal.class).single().compareTo(new BigDecimal("76.00")) == 0);

        login(shop.staffUsername(), shop.staffPassword());
        navigate("merchant/green");
        assertThat(text("analytics-green-share")).contains("59.2%", "消费 ¥76.00，其中绿色商品 ¥45.00");
        assertThat(text("analytics-green-points")).contains("50", "来自 3 笔消费");
        assertThat(text("analytics-co2e")).contains("18 千克");

        Grid<Object> stores = grid("analytics-store-grid");
        assertThat(GridKt._size(stores)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(stores, 0)).containsExactly("东店", "2", "¥56.00", "80.4%", "50", "18 千克");
        assertThat(GridKt._getFormattedRow(stores, 1)).containsExactly("西店", "1", "¥20.00", "0.0%", "0", "0 千克");
        Grid<Object> methods = grid("analytics-method-grid");
        assertThat(GridKt._getFormattedRow(methods, 0)).containsExactly("LED 照明", "1", "¥30.00", "17.7 千克");
        assertThat(GridKt._getFormattedRow(methods, 1)).containsExactly("补充装与散装", "3", "¥15.00", "330 克");
        Grid<Object> products = grid("analytics-product-grid");
        assertThat(GridKt._size(products)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(products, 0)).containsExactly("LED 灯泡", "LED-9W", "LED 照明", "1", "¥30.00", "17.7 千克");

        StringWriter csv = new StringWriter();
        YearMonth now = analytics.currentMonth();
        new CatalogFixtures(context).as(shop.staffUsername(), () -> analytics.exportMine(now, now, Locale.SIMPLIFIED_CHINESE, csv));
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFF日期,门店,消费笔数,消费金额（元）,绿色消费金额（元）,绿色消费占比（%）,绿色积分,减少二氧化碳当量（千克）");
        assertThat(lines.stream().skip(1).map(line -> line.substring(line.indexOf(',') + 1)))
                .containsExactlyInAnyOrder("东店,2,56.00,45.00,80.4,50,18.009", "西店,1,20.00,0.00,0.0,0,0.000");
    }

    @Test
    void aMerchantSeesOnlyItsOwnFiguresAndASpanIsChecked() throws Exception {
        GreenMerchants merchants = new GreenMerchants(context);
        GreenMerchants.TestMerchant busy = merchants.newMerchant();
        GreenMerchants.TestMerchant quiet = merchants.newMerchant();
        long member = new GreenPurchases(context).newMember();
        merchants.buy(busy.tillKeys().get(0), member, new PurchaseRequest.Line("R-1", "补充装", "refill", 1, new BigDecimal("5.00"), false, null));
        GreenPurchases.await(() -> jdbc.sql("SELECT COUNT(*) FROM green_store_day WHERE merchant_id = ?").param(busy.id())
                .query(Long.class).single() > 0);

        login(quiet.staffUsername(), quiet.staffPassword());
        navigate("merchant/green");
        assertThat(text("analytics-green-points")).contains("0", "暂无消费");
        assertThat(GridKt._size(grid("analytics-store-grid"))).isZero();

        @SuppressWarnings("unchecked")
        Select<YearMonth> from = _get(Select.class, spec -> spec.withClasses("analytics-from"));
        @SuppressWarnings("unchecked")
        Select<YearMonth> until = _get(Select.class, spec -> spec.withClasses("analytics-until"));
        YearMonth now = analytics.currentMonth();
        assertThatThrownBy(() -> new CatalogFixtures(context).as(quiet.staffUsername(), () -> analytics.mine(now, now.minusMonths(1))))
                .hasMessageContaining("analytics.span.order");
        assertThat(Arrays.asList(from.getValue(), until.getValue())).containsExactly(now.minusMonths(11), now);

        String memberName = new GreenPurchases(context).newMemberWithLogin().username();
        assertThatThrownBy(() -> new CatalogFixtures(context).as(memberName, () -> analytics.mine(now, now)))
                .isInstanceOf(AccessDeniedException.class);
        login(memberName);
        navigate("merchant/green");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String className) {
        return _get(Grid.class, spec -> spec.withClasses(className));
    }

    private static String text(String className) {
        return _get(Div.class, spec -> spec.withClasses(className)).getElement().getTextRecursively();
    }
}
