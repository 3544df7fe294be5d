package org.evergreen.compliance;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.green.GreenPurchases;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each anomaly monitor finds its pattern once; an admin dismisses a finding or opens a case from it; nothing else moves. */
class AnomaliesTest extends KaribuTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;

    @Autowired
    Anomalies anomalies;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMonitorFindsItsPatternOnceAndAnAdminReviewsWhatItFound() {
        GreenPurchases green = new GreenPurchases(context);
        CatalogFixtures fixtures = new CatalogFixtures(context);
        long demoStore = jdbc.sql("SELECT store_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();
        long hotelStore = jdbc.sql("SELECT id FROM merchant_store WHERE region_code = '330106'").query(Long.class).single();
        long hotelBeijing = jdbc.sql("SELECT id FROM merchant_store WHERE region_code = '110105'").query(Long.class).single();

        // One receipt at the demo store and, minutes later, at the hotel group's till.
        long shopper = green.newMember();
        long bought = green.buy(shopper, new PurchaseRequest.Line("F-1", "有机蔬菜", "fresh", 1, new BigDecimal("12.00"), false, null)).purchaseId();
        String receipt = jdbc.sql("SELECT receipt_number FROM earning_purchase WHERE id = ?").param(bought).query(String.class).single();
        unpostedPurchase(hotelStore, shopper, receipt, LocalDateTime.now(ZoneOffset.UTC));

        // Three purchases of ¥95 by one member, just under the ¥100 the monitor watches.
        long nearMiss = green.newMember();
        List<Long> nearMissPurchases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nearMissPurchases.add(green.buy(nearMiss, new PurchaseRequest.Line("W-" + i, "保温杯", "home", 1, new BigDecimal("95.00"), false, null))
                    .purchaseId());
        }

        // Three members who bought, then each gave points to one member.
        long recipient = green.newMember();
        for (int i = 0; i < 3; i++) {
            long giver = green.newMember();
            green.buy(giver, new PurchaseRequest.Line("T-" + i, "绿茶", "drinks", 1, new BigDecimal("8.00"), false, null));
            jdbc.sql("INSERT INTO household_gift (household_id, from_member, to_member, points, entry_id, given_at) VALUES (0, ?, ?, 50, 0, UTC_TIMESTAMP(6))")
                    .params(giver, recipient).update();
        }

        // Ten members earning at the demo store at two in the morning, last night.
        LocalDate night = LocalDate.now(BEIJING).minusDays(1);
        LocalDateTime twoAm = night.atTime(2, 0).atZone(BEIJING).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        for (int i = 0; i < 10; i++) {
            unpostedPurchase(demoStore, green.newMember(), "NIGHT-" + UUID.randomUUID(), twoAm.plusMinutes(i));
        }

        // Twenty purchases in one hour at a store that had none before.
        Instant hourStart = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 3600 * 3600).minus(Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
            unpostedPurchaseRecordedAt(hotelBeijing, shopper, "BURST-" + UUID.randomUUID(),
                    LocalDateTime.ofInstant(hourStart.plusSeconds(60 + i), ZoneOffset.UTC));
        }

        login("admin");
        assertThat(anomalies.scan()).isGreaterThanOrEqualTo(5);
        Finding duplicate = finding(Monitor.DUPLICATE_RECEIPT, receipt);
        assertThat(duplicate.observed()).isEqualTo(2);
        Finding underThreshold = findingOf(Monitor.JUST_UNDER_THRESHOLD, nearMiss);
        assertThat(underThreshold.observed()).isEqualTo(3);
        assertThat(underThreshold.subjects()).singleElement().satisfies(subject -> assertThat(subject.entryIds())
                .containsExactlyInAnyOrderElementsOf(earnEntries(nearMissPurchases)));
        assertThat(finding(Monitor.GIFT_CHAIN, String.valueOf(recipient)).observed()).isEqualTo(3);
        Finding oddHours = finding(Monitor.ODD_HOURS, night.toString());
        assertThat(oddHours.storeId()).isEqualTo(demoStore);
        assertThat(oddHours.observed()).isGreaterThanOrEqualTo(10);
        Finding burst = anomalies.page(Finding.Status.NEW, null, 500).stream()
                .filter(found -> found.monitor() == Monitor.BURST && hotelBeijing == Optional.ofNullable(found.storeId()).orElse(-1L))
                .findFirst().orElseThrow();
        assertThat(burst.observed()).isEqualTo(20);

        // A second scan finds nothing it found before.
        long findings = jdbc.sql("SELECT COUNT(*) FROM compliance_finding").query(Long.class).single();
        anomalies.scan();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM compliance_finding WHERE monitor = 'DUPLICATE_RECEIPT' AND detail = ?").param(receipt)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM compliance_finding").query(Long.class).single()).isEqualTo(findings);

        // Dismissed with a reason, once; a case opened from a finding, which then points to it.
        anomalies.dismiss(duplicate.id(), "酒店与便利店的小票号规则相同，属巧合");
        assertThatThrownBy(() -> anomalies.dismiss(duplicate.id(), "再次排除")).hasMessageContaining("anomalies.reviewedAlready");
        String number = fixtures.memberNumber(nearMiss);
        String entries = underThreshold.subjects().getFirst().entryIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        assertThatThrownBy(() -> anomalies.openCase(underThreshold.id(), new CaseDraft(number, CaseBehaviour.FAKE_ORDERS, "拆单", entries,
                1_000_000L, 15), null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("case.pointsAboveEntries");
        assertThat(status(underThreshold.id())).isEqualTo("NEW");
        long caseId = anomalies.openCase(underThreshold.id(), new CaseDraft(number, CaseBehaviour.FAKE_ORDERS, "拆单凑近门槛", entries, 10L, 15),
                "三笔 ¥95 消费");
        assertThat(status(underThreshold.id())).isEqualTo("CASE_OPENED");
        assertThat(jdbc.sql("SELECT case_id FROM compliance_finding WHERE id = ?").param(underThreshold.id()).query(Long.class).single())
                .isEqualTo(caseId);
        assertThat(cases.file(caseId).orElseThrow().pointsCase().status()).isEqualTo(CaseStatus.OPENED);

        // Thresholds: refused when out of range, nothing changed; a valid change applies to the next scan.
        assertThatThrownBy(() -> anomalies.configure(new MonitorSettings(Monitor.BURST, true, 0, 60, null, 500)))
                .hasMessageContaining("anomalies.threshold");
        assertThatThrownBy(() -> anomalies.configure(new MonitorSettings(Monitor.BURST, true, 20, 60, null, null)))
                .hasMessageContaining("anomalies.percent");
        assertThatThrownBy(() -> anomalies.configure(new MonitorSettings(Monitor.GIFT_CHAIN, true, 3, 20_000, null, null)))
                .hasMessageContaining("anomalies.window");
        assertThat(anomalies.settings().get(Monitor.BURST)).isEqualTo(Monitor.BURST.defaults());
        anomalies.configure(new MonitorSettings(Monitor.BURST, false, 20, 60, null, 500));
        assertThat(anomalies.settings().get(Monitor.BURST).enabled()).isFalse();
        anomalies.configure(Monitor.BURST.defaults());

        // Regulators read the findings and change nothing.
        login("regulator");
        assertThat(anomalies.page(null, null, 500)).extracting(Finding::id).contains(duplicate.id(), underThreshold.id());
        assertThatThrownBy(() -> anomalies.dismiss(oddHours.id(), "看起来正常")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anomalies.scan()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> anomalies.configure(Monitor.BURST.defaults())).isInstanceOf(AccessDeniedException.class);
        assertThat(status(oddHours.id())).isEqualTo("NEW");
        navigate("regulator/anomalies");
        assertThat(_find(Button.class, spec -> spec.withClasses("anomalies-scan"))).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<Finding> grid = _get(Grid.class, spec -> spec.withClasses("finding-grid"));
        assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._get(grid, row).id())).contains(oddHours.id());

        login("admin");
        navigate("admin/anomalies");
        @SuppressWarnings("unchecked")
        Grid<Finding> toReview = _get(Grid.class, spec -> spec.withClasses("finding-grid"));
        List<Long> shown = IntStream.range(0, GridKt._size(toReview)).mapToObj(row -> GridKt._get(toReview, row).id()).toList();
        assertThat(shown).contains(oddHours.id()).doesNotContain(duplicate.id(), underThreshold.id());
    }

    private Finding finding(Monitor monitor, String detail) {
        return anomalies.page(null, null, 500).stream().filter(found -> found.monitor() == monitor && found.detail().equals(detail))
                .findFirst().orElseThrow(() -> new AssertionError("No " + monitor + " finding for " + detail));
    }

    private Finding findingOf(Monitor monitor, long memberId) {
        return anomalies.page(null, null, 500).stream().filter(found -> found.monitor() == monitor
                && found.subjects().stream().anyMatch(subject -> subject.memberId() == memberId)).findFirst().orElseThrow();
    }

    private List<Long> earnEntries(List<Long> purchaseIds) {
        return jdbc.sql("SELECT id FROM ledger_entry WHERE kind = 'EARN' AND reference IN (:references)")
                .param("references", purchaseIds.stream().map(id -> "purchase:" + id).toList()).query(Long.class).list();
    }

    private String status(long findingId) {
        return jdbc.sql("SELECT status FROM compliance_finding WHERE id = ?").param(findingId).query(String.class).single();
    }

    /** A purchase written straight into the records, earning nothing: what a till elsewhere would have sent. */
    private void unpostedPurchase(long storeId, long memberId, String receipt, LocalDateTime purchasedAt) {
        insertPurchase(storeId, memberId, receipt, purchasedAt, LocalDateTime.now(ZoneOffset.UTC));
    }

    private void unpostedPurchaseRecordedAt(long storeId, long memberId, String receipt, LocalDateTime recordedAt) {
        insertPurchase(storeId, memberId, receipt, recordedAt, recordedAt);
    }

    private void insertPurchase(long storeId, long memberId, String receipt, LocalDateTime purchasedAt, LocalDateTime recordedAt) {
        jdbc.sql("""
                        INSERT INTO earning_purchase (merchant_id, store_id, member_id, receipt_number, idempotency_key, request_hash,
                                                      purchased_at, total, currency, points, platform_points, rule_version, tier, created_at)
                        SELECT merchant_id, id, ?, ?, ?, 'monitor-test', ?, 20.00, 'CNY', 0, 0, 1, 'ORDINARY', ?
                        FROM merchant_store WHERE id = ?""")
                .params(memberId, receipt, "monitor-" + UUID.randomUUID(), purchasedAt, recordedAt, storeId).update();
    }
}
