package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.member.OneTimeCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A shop without a till records purchases at the merchant portal's counter, through the till API's service and rules. */
class CounterViewTest extends KaribuTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Purchases purchases;

    @Autowired
    OneTimeCodes codes;

    @Autowired
    JdbcClient jdbc;

    private CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    @Test
    void staffRecordAPurchaseByMemberNumberAndTheMemberEarnsByTheMerchantsRules() {
        TestMember member = fixtures.member(0);
        login("merchant");
        navigate("merchant/counter");
        setValue(_get(TextField.class, spec -> spec.withClasses("counter-member")), fixtures.memberNumber(member.id()));
        String receipt = _get(TextField.class, spec -> spec.withClasses("counter-receipt")).getValue();
        assertThat(receipt).matches("C\\d{8}-\\d{6}-\\d{3}");
        fillLine("有机苹果", "fresh", 2, "10.00");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("counter-total")).getText()).isEqualTo("合计 ¥20.00");
        // Categories are offered by name: the rules' own, here the demo store's fresh-food rate.
        @SuppressWarnings("unchecked")
        ComboBox<String> category = _get(ComboBox.class, spec -> spec.withLabel("品类"));
        assertThat(category.getItemLabelGenerator().apply("fresh")).isEqualTo("生鲜 (fresh)");

        _click(_get(Button.class, spec -> spec.withClasses("counter-record")));

        // 2 points per yuan of fresh food at the demo store (40), and the platform's welcome bonus on a new member's first
        // purchase (200): the same rules as a till's. The form is cleared for the next customer.
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("counter-recorded")).getText())
                .isEqualTo("已记录：会员获得 240 积分，现有可用积分 240。");
        assertThat(fixtures.available(member.id())).isEqualTo(240);
        assertThat(_get(TextField.class, spec -> spec.withClasses("counter-member")).getValue()).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withClasses("counter-receipt")).getValue()).isNotEqualTo(receipt);
        long staffId = jdbc.sql("SELECT id FROM security_user WHERE username = 'merchant'").query(Long.class).single();
        assertThat(jdbc.sql("""
                        SELECT e.actor FROM ledger_entry e JOIN earning_purchase p ON e.idempotency_key = p.idempotency_key
                        WHERE p.receipt_number = ?""").param(receipt).query(String.class).single()).isEqualTo("user:" + staffId);
    }

    @Test
    void aOneTimeCodeIdentifiesTheMemberAndABadNumberRecordsNothing() {
        TestMember member = fixtures.member(0);
        String code = fixtures.as(member.username(), () -> codes.issueForMe().code());
        long before = jdbc.sql("SELECT COUNT(*) FROM earning_purchase").query(Long.class).single();
        login("merchant");
        navigate("merchant/counter");
        setValue(_get(TextField.class, spec -> spec.withClasses("counter-member")), "999999999999");
        fillLine("笔记本", "stationery", 1, "12.50");
        _click(_get(Button.class, spec -> spec.withClasses("counter-record")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("counter-error")).getText()).isEqualTo("没有会员使用该会员号。");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM earning_purchase").query(Long.class).single()).isEqualTo(before);

        // The member shows their code; typed with the space the app shows, it identifies them once.
        setValue(_get(TextField.class, spec -> spec.withClasses("counter-member")), code.substring(0, 5) + " " + code.substring(5));
        _click(_get(Button.class, spec -> spec.withClasses("counter-record")));
        // 12 base points, and the welcome bonus cut to the platform's cap (10 % of ¥12.50 is 125 points).
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("counter-recorded")).getText()).startsWith("已记录：会员获得 137 积分");
        assertThat(fixtures.available(member.id())).isEqualTo(137);
    }

    @Test
    void theSameRequestTwiceIsOnePurchaseAndStaffRecordOnlyAtTheirOwnStores() {
        TestMember member = fixtures.member(0);
        long demoStore = jdbc.sql("SELECT store_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();
        PurchaseRequest request = new PurchaseRequest(fixtures.memberNumber(member.id()), null, null, "TWICE-" + System.nanoTime(),
                Instant.now(), "CNY", new BigDecimal("30.00"), List.of(
                new PurchaseRequest.Line("LINE-1", "茶叶", "tea", 1, new BigDecimal("30.00"), false, null)));
        PurchaseResult first = fixtures.as("merchant", () -> purchases.recordAtCounter(demoStore, request, "counter-key-" + member.id()));
        PurchaseResult again = fixtures.as("merchant", () -> purchases.recordAtCounter(demoStore, request, "counter-key-" + member.id()));
        assertThat(again.purchaseId()).isEqualTo(first.purchaseId());
        assertThat(again.replay()).isTrue();
        assertThat(fixtures.available(member.id())).isEqualTo(first.pointsEarned()).isEqualTo(230);

        // The hotel's front desk cannot record a purchase at the convenience store.
        assertThatThrownBy(() -> fixtures.as("hotel", () -> purchases.recordAtCounter(demoStore, request, "hotel-key-" + member.id())))
                .isInstanceOf(PurchaseRefused.class);
        assertThat(fixtures.available(member.id())).isEqualTo(230);
    }

    private static void fillLine(String name, String category, int quantity, String unitPrice) {
        setValue(_get(TextField.class, spec -> spec.withLabel("商品")), name);
        @SuppressWarnings("unchecked")
        ComboBox<String> categories = _get(ComboBox.class, spec -> spec.withLabel("品类"));
        if (categories.getListDataView().contains(category)) {
            setValue(categories, category);
        } else {
            ComboBoxKt._fireCustomValueSet(categories, category);
        }
        setValue(_get(IntegerField.class, spec -> spec.withLabel("数量")), quantity);
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("单价")), new BigDecimal(unitPrice));
    }
}
