package org.evergreen.green.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.grid.Grid;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.RefundResult;
import org.evergreen.green.GreenMerchants;
import org.evergreen.green.GreenPurchases;
import org.evergreen.green.RegionalMonitoring;
import org.evergreen.portal.AccessDeniedView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The regional dashboard against figures worked out by hand, in two districts only this test's merchant trades in
 * (Chengdu's Pidu 510117 and Xinjin 510118). Pidu: one member buys 2 LED bulbs at ¥30 and a ¥11 tea, another 3 refills
 * at ¥5, and one bulb is refunded: 2 purchases, 2 active members, ¥56, ¥45 green (80.4%), 18,009 g. Xinjin: the first
 * member buys a ¥20 loaf: 1 purchase, 1 active member, nothing green.
 */
class RegionalDashboardTest extends KaribuTest {

    @Autowired
    RegionalMonitoring monitoring;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRegulatorSeesEachDistrictItsCategoriesAndTrendAndExportsThem() throws Exception {
        GreenMerchants merchants = new GreenMerchants(context);
        GreenMerchants.TestMerchant shop = merchants.newMerchant("510117", "510118");
        GreenMerchants.TestMerchant unplaced = merchants.newMerchant();
        GreenPurchases green = new GreenPurchases(context);
        long first = green.newMember();
        long second = green.newMember();
        PurchaseResult bulbs = merchants.buy(shop.tillKeys().get(0), first,
                new PurchaseRequest.Line("LED-9W", "LED 灯泡", "led-lighting", 2, new BigDecimal("30.00"), false, null),
                new PurchaseRequest.Line("TEA", "绿茶", "drinks", 1, new BigDecimal("11.00"), false, null));
        PurchaseResult refills = merchants.buy(shop.tillKeys().get(0), second,
                new PurchaseRequest.Line("R-1", "补充装", "refill", 3, new BigDecimal("5.00"), false, null));
        PurchaseResult bread = merchants.buy(shop.tillKeys().get(1), first,
                new PurchaseRequest.Line("BREAD", "面包", "bakery", 1, new BigDecimal("20.00"), false, null));
        RefundResult refund = merchants.refund(shop.tillKeys().get(0), bulbs.purchaseId(), "LED-9W", 1);
        merchants.buy(unplaced.tillKeys().get(0), second, new PurchaseRequest.Line("BREAD", "面包", "bakery", 1, new BigDecimal("8.00"), false, null));
        GreenPurchases.await(() -> jdbc.sql("SELECT COALESCE(SUM(spend), 0) FROM green_region_month WHERE region_code IN ('510117', '510118')")
                .query(BigDecimal.class).single().compareTo(new BigDecimal("76.00")) == 0
                && jdbc.sql("SELECT COUNT(*) FROM green_purchase WHERE merchant_id = ? AND region_code = '000000'").param(unplaced.id())
                .query(Long.class).single() == 1);
        long piduPoints = bulbs.pointsEarned() + refills.pointsEarned() - refund.pointsClawedBack();

        login("regulator");
        navigate("regulator/regions");
        Grid<Object> districts = grid("regions-district-grid");
        int pidu = row(districts, "510117");
        assertThat(GridKt._getFormattedRow(districts, pidu)).containsExactly("四川省成都市郫都区", "510117", "2", "2", "¥56.00",
                String.valueOf(piduPoints), "80.4%", "18 千克");
        assertThat(GridKt._getFormattedRow(districts, row(districts, "510118"))).containsExactly("四川省成都市新津区", "510118", "1", "1", "¥20.00",
                String.valueOf(bread.pointsEarned()), "0.0%", "0 千克");

        // Purchases at stores not placed in a district yet (other tests' merchants) are counted apart, not lost.
        assertThat(IntStream.range(0, GridKt._size(districts)).mapToObj(index -> GridKt._getFormattedRow(districts, index).getFirst()))
                .contains("未设置区县的门店");

        districts.select(GridKt._get(districts, pidu));
        Grid<Object> months = grid("regions-month-grid");
        assertThat(GridKt._size(months)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(months, 0)).contains("2", "¥56.00", "80.4%", "18 千克");
        Grid<Object> categories = grid("regions-district-category-grid");
        assertThat(GridKt._getFormattedRow(categories, 0)).containsExactly("便利店", "2", "¥56.00", String.valueOf(piduPoints), "80.4%", "18 千克");

        YearMonth now = monitoring.currentMonth();
        StringWriter csv = new StringWriter();
        new CatalogFixtures(context).as("regulator", () -> monitoring.export(now, now, Locale.SIMPLIFIED_CHINESE, csv));
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).startsWith("\uFEFF区县代码,区县,月份,活跃会员");
        assertThat(lines).contains("510117,四川省成都市郫都区," + now + ",2,2,56.00," + piduPoints + ",45.00,80.4,50,18.009",
                "510118,四川省成都市新津区," + now + ",1,1,20.00," + bread.pointsEarned() + ",0.00,0.0,0,0.000");
    }

    @Test
    void onlyTheRegulatorAndAdminsSeeRegions() {
        login("admin");
        navigate("admin/regions");
        assertThat(NavigatorKt.getCurrentView()).isAssignableTo(AdminRegionsView.class);
        login("merchant");
        navigate("regulator/regions");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
        YearMonth now = monitoring.currentMonth();
        assertThatThrownBy(() -> new CatalogFixtures(context).as("merchant", () -> monitoring.figures(now, now, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static int row(Grid<Object> grid, String code) {
        return IntStream.range(0, GridKt._size(grid)).filter(index -> GridKt._getFormattedRow(grid, index).get(1).equals(code)).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String className) {
        return _get(Grid.class, spec -> spec.withClasses(className));
    }
}
