package org.evergreen.compliance;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.earning.Conformance;
import org.evergreen.green.RegionalMonitoring;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.MerchantSummary;
import org.evergreen.merchant.Region;
import org.evergreen.security.NewStaffUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A regulator limited to districts sees only the merchants with a store there, and their entries, cases and reports. */
class SupervisionTest extends KaribuTest {

    private static final String PASSWORD = "district-regulator-2026";
    /** Hangzhou's West Lake district: only the demo hotel group has a store there. */
    private static final String WEST_LAKE = "330106";

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts users;

    @Autowired
    MerchantDirectory merchants;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditReports reports;

    @Autowired
    Cases cases;

    @Autowired
    PointsLiability liability;

    @Autowired
    Conformance conformance;

    @Autowired
    RegionalMonitoring regional;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private String regulator;
    private long regulatorId;
    private long hotel;
    private long shop;

    @BeforeEach
    void districtRegulator() {
        regulator = "westlake" + System.nanoTime() % 1_000_000_000;
        regulatorId = SystemActor.call(() -> users.createStaffUser(new NewStaffUser(regulator, "西湖区监管员", Role.REGULATOR, PASSWORD)));
        hotel = jdbc.sql("SELECT DISTINCT merchant_id FROM merchant_store WHERE region_code = ?").param(WEST_LAKE).query(Long.class).single();
        shop = new CatalogFixtures(context).merchantOf("merchant");
    }

    @Test
    void anAdminLimitsARegulatorToDistrictsOnTheSupervisionPage() {
        login("admin");
        navigate("admin/supervision");
        @SuppressWarnings("unchecked")
        Grid<org.evergreen.security.UserSummary> grid = _get(Grid.class, spec -> spec.withClasses("supervision-grid"));
        int row = java.util.stream.IntStream.range(0, GridKt._size(grid)).filter(index -> GridKt._get(grid, index).id() == regulatorId)
                .findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(grid, row)).contains("整个联盟");
        _click((Button) GridKt._getCellComponent(grid, row, "edit"));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Region> districts = _get(MultiSelectComboBox.class, spec -> spec.withLabel("辖区"));
        setValue(districts, Set.of(districts.getListDataView().getItems().filter(region -> region.code().equals(WEST_LAKE)).findFirst().orElseThrow()));
        _click(_get(Button.class, spec -> spec.withClasses("supervision-save")));
        assertThat(users.supervisedRegions(regulatorId)).containsExactly(WEST_LAKE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM security_action_log WHERE action = 'regulator.regions' AND subject = ?")
                .param("user:" + regulatorId).query(Long.class).single()).isOne();

        // Refused, nothing changed: districts for an admin, a code that is no district, and a regulator setting them.
        long admin = jdbc.sql("SELECT id FROM security_user WHERE username = 'admin'").query(Long.class).single();
        assertThatThrownBy(() -> users.setSupervisedRegions(admin, Set.of(WEST_LAKE))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("users.regions.notRegulator");
        assertThatThrownBy(() -> users.setSupervisedRegions(regulatorId, Set.of("Hangzhou"))).isInstanceOf(InvalidInputException.class);
        assertThat(users.supervisedRegions(regulatorId)).containsExactly(WEST_LAKE);
        login(regulator, PASSWORD);
        assertThatThrownBy(() -> users.setSupervisedRegions(regulatorId, Set.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDistrictRegulatorSeesItsMerchantsEntriesCasesAndReportsOnly() {
        Instant start = Instant.now().minus(1, ChronoUnit.SECONDS);
        CatalogFixtures fixtures = new CatalogFixtures(context);
        TestMember member = fixtures.member(500);
        long shopEntry = newestEntry(member.id());
        long hotelEntry = SystemActor.call(() -> ledger.post(new EntryRequest(EntryKind.EARN, "test", UUID.randomUUID().toString(), "test",
                "purchase", null, null, List.of(new Posting(ledger.account(AccountType.MERCHANT_ISSUANCE, hotel), -300),
                new Posting(ledger.account(AccountType.MEMBER_WALLET, member.id()), 300)), null)).entryId());
        login("admin");
        long shopCase = cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.FAKE_ORDERS, "便利店重复小票",
                String.valueOf(shopEntry), 100L, 10), null);
        long hotelCase = cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.FAKE_ORDERS, "酒店虚假入住",
                String.valueOf(hotelEntry), 100L, 10), null);
        users.setSupervisedRegions(regulatorId, Set.of(WEST_LAKE));
        Instant end = Instant.now().plusSeconds(1);

        login(regulator, PASSWORD);
        assertThat(merchants.count()).isOne();
        assertThat(merchants.page(0, 10)).extracting(MerchantSummary::id).containsExactly(hotel);

        // The trail: the hotel's entry, not the shop's; by member too, and an entry opened by id.
        assertThat(trail.page(AuditFilter.ALL, null, 50).entries()).extracting(AuditEntry::entryId).contains(hotelEntry).doesNotContain(shopEntry);
        String number = fixtures.memberNumber(member.id());
        assertThat(trail.page(new AuditFilter(number, null, null, null, null, null, null, null), null, 50).entries())
                .extracting(AuditEntry::entryId).containsExactly(hotelEntry);
        assertThat(trail.page(new AuditFilter(null, shop, null, null, null, null, null, null), null, 50).entries()).isEmpty();
        assertThat(trail.entry(shopEntry)).isEmpty();
        assertThat(trail.entry(hotelEntry)).isPresent();

        // Cases about the hotel's points only.
        assertThat(cases.page(null, 100)).extracting(PointsCase::id).contains(hotelCase).doesNotContain(shopCase);
        assertThat(cases.file(shopCase)).isEmpty();
        assertThat(cases.file(hotelCase)).isPresent();

        // Reports on the district and its merchants; not on the coalition, another merchant or another district.
        AuditReport district = reports.report(ReportScope.region(WEST_LAKE), start, end);
        assertThat(district.points(AuditReport.Cause.PURCHASES)).isGreaterThanOrEqualTo(300);
        assertThat(reports.report(ReportScope.merchant(hotel), start, end).reconciliation().reconciled()).isTrue();
        assertThatThrownBy(() -> reports.report(ReportScope.coalition(), start, end)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.report(ReportScope.merchant(shop), start, end)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.report(ReportScope.region("310101"), start, end)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> liability.now()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conformance.check(shop, start, end)).isInstanceOf(AccessDeniedException.class);
        assertThat(conformance.check(null, start, end).mismatchesByMerchant().keySet()).allMatch(merchant -> merchant == hotel);
        assertThat(regional.figures(regional.currentMonth(), regional.currentMonth(), null).districts())
                .allMatch(row -> row.region().code().equals(WEST_LAKE));
        assertThatThrownBy(() -> regional.figures(regional.currentMonth(), regional.currentMonth(), "310101"))
                .isInstanceOf(AccessDeniedException.class);

        // The pages say so instead of failing.
        navigate("regulator/liability");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("liability-refused")).getText()).contains("只监管部分区县");
        navigate("regulator/reports");
        _click(_get(Button.class, spec -> spec.withClasses("audit-report-generate")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("audit-report-problem")).getText()).startsWith("您的账户只监管部分区县");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("audit-report-verdict"))).isEmpty();
    }

    private long newestEntry(long memberId) {
        return jdbc.sql("""
                        SELECT MAX(p.entry_id) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.type = 'MEMBER_WALLET' AND a.owner_id = ?""")
                .param(memberId).query(Long.class).single();
    }
}
