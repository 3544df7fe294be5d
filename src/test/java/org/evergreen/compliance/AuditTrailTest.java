package org.evergreen.compliance;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.Redemptions;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.green.GreenPurchases;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.SealHead;
import org.evergreen.ledger.internal.Sealer;
import org.evergreen.security.NewStaffUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail against the embedded MariaDB: filters, keyset pages, an entry opened, the export, and who may read it. */
class AuditTrailTest extends KaribuTest {

    @Autowired
    Redemptions redemptions;

    @Autowired
    Cases cases;

    @Autowired
    UserAccounts users;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail trail;

    @Autowired
    Ledger ledger;

    @Autowired
    Sealer sealer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMembersEntriesAreFoundByNumberPageByPageAndEachOpensToItsPostingsSealAndPurchase() throws Exception {
        GreenPurchases purchases = new GreenPurchases(context);
        CatalogFixtures fixtures = new CatalogFixtures(context);
        long member = purchases.newMember();
        String number = fixtures.memberNumber(member);
        PurchaseResult first = purchases.buy(member, new PurchaseRequest.Line("A-1", "茶叶", "tea", 1, new BigDecimal("12.00"), false, null));
        PurchaseResult second = purchases.buy(member, new PurchaseRequest.Line("B-1", "笔记本", "stationery", 2, new BigDecimal("5.00"), false, null));
        sealer.sealAll();

        login("regulator");
        AuditFilter byMember = new AuditFilter(number, null, null, null, null, null, null, null);
        List<AuditEntry> all = new ArrayList<>();
        Long cursor = null;
        do {
            AuditPage page = trail.page(byMember, cursor, 1);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(1);
            all.addAll(page.entries());
            cursor = page.next();
        } while (cursor != null);
        // The member's first purchase earns the merchant's points and the platform's welcome bonus: three earns, newest first.
        assertThat(all).extracting(AuditEntry::kind).containsOnly(EntryKind.EARN);
        assertThat(all).extracting(AuditEntry::reference).containsOnly("purchase:" + first.purchaseId(), "purchase:" + second.purchaseId());
        assertThat(all).extracting(AuditEntry::entryId).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all.stream().mapToLong(AuditEntry::points).sum()).isEqualTo(first.pointsEarned() + second.pointsEarned());

        // The points filter keeps only the entries in range.
        AuditPage small = trail.page(new AuditFilter(number, null, null, EntryKind.EARN, null, null, 1L, 10L), null, 10);
        assertThat(small.entries()).isNotEmpty().allSatisfy(entry -> assertThat(entry.points()).isBetween(1L, 10L));

        AuditEntryDetail opened = trail.entry(all.getLast().entryId()).orElseThrow();
        assertThat(opened.postings()).extracting(AuditEntryDetail.Movement::amount).containsExactlyInAnyOrder(
                -opened.entry().points(), opened.entry().points());
        assertThat(opened.postings()).anySatisfy(posting -> {
            assertThat(posting.accountType()).isEqualTo(AccountType.MEMBER_WALLET);
            assertThat(posting.ownerId()).isEqualTo(member);
        });
        assertThat(opened.seal()).isNotNull();
        assertThat(opened.purchase()).isNotNull();
        assertThat(opened.purchase().lines()).extracting(line -> line.name()).containsExactly("茶叶");

        // The export writes the same entries, after the seal head.
        StringWriter csv = new StringWriter();
        long rows = trail.export(byMember, csv);
        assertThat(rows).isEqualTo(all.size());
        SealHead head = ledger.sealHead().orElseThrow();
        assertThat(csv.toString()).startsWith("# Evergreen audit trail").contains("# seal head: " + head.sealId() + " " + head.sealHash())
                .contains("entry,created_at_utc,kind,points").contains(",purchase:" + first.purchaseId() + ",");
        assertThat(csv.toString().lines().filter(line -> !line.startsWith("#")).count()).isEqualTo(rows + 1);

        // An unknown member number finds nothing.
        assertThat(trail.page(new AuditFilter("999999999999", null, null, null, null, null, null, null), null, 10).entries()).isEmpty();
    }

    @Test
    void aMerchantFilterListsOnlyEntriesThatMovedThatMerchantsPoints() {
        long hotel = jdbc.sql("SELECT id FROM merchant_merchant WHERE name_zh = '绿野酒店集团'").query(Long.class).single();
        login("admin");
        AuditPage page = trail.page(new AuditFilter(null, hotel, null, null, null, null, null, null), null, 20);
        assertThat(page.entries()).isNotEmpty().allSatisfy(entry -> assertThat(trail.entry(entry.entryId()).orElseThrow().postings())
                .anySatisfy(posting -> assertThat(posting.ownerId()).isEqualTo(hotel)));
    }

    @Test
    void anEntryWhosePostingsAPageBoundarySplitsIsListedOnce() {
        // A redemption's hold moves points from the wallet to the held account: two postings of one entry in the member's
        // statement. Pages of one entry each end between them; the next page must not list the hold again.
        CatalogFixtures fixtures = new CatalogFixtures(context);
        CatalogFixtures.TestMember member = fixtures.member(1_000);
        long reward = fixtures.reward("merchant", "环保袋", "5.00", 100, null, null, false);
        fixtures.as(member.username(), () -> redemptions.redeem(reward, 1, false, "split-" + member.id()));
        login("regulator");
        AuditFilter byMember = new AuditFilter(fixtures.memberNumber(member.id()), null, null, null, null, null, null, null);
        List<Long> all = trail.page(byMember, null, 100).entries().stream().map(AuditEntry::entryId).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        List<Long> onePerPage = new ArrayList<>();
        Long cursor = null;
        do {
            AuditPage page = trail.page(byMember, cursor, 1);
            page.entries().forEach(entry -> onePerPage.add(entry.entryId()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(onePerPage).containsExactlyElementsOf(all);

        // A filter with dates walks the time index: one entry a page lists what one page of all lists, newest first.
        Instant since = jdbc.sql("SELECT MIN(created_at) FROM ledger_entry WHERE id IN (:ids)").param("ids", all)
                .query(LocalDateTime.class).single().toInstant(ZoneOffset.UTC);
        AuditFilter byTime = new AuditFilter(null, null, null, null, since, Instant.now().plusSeconds(1), null, null);
        List<Long> inWindow = trail.page(byTime, null, 1_000).entries().stream().map(AuditEntry::entryId).toList();
        assertThat(inWindow).containsAll(all).doesNotHaveDuplicates();
        List<Long> timePaged = new ArrayList<>();
        cursor = null;
        do {
            AuditPage page = trail.page(byTime, cursor, 2);
            page.entries().forEach(entry -> timePaged.add(entry.entryId()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(timePaged).containsExactlyElementsOf(inWindow);
    }

    @Test
    void anEntryOpensToTheRedemptionOrTheCaseItWasMadeFor() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        CatalogFixtures.TestMember member = fixtures.member(1_000);
        long earn = jdbc.sql("""
                        SELECT MAX(p.entry_id) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.type = 'MEMBER_WALLET' AND a.owner_id = ?""").param(member.id()).query(Long.class).single();
        long reward = fixtures.reward("merchant", "竹制牙刷", "8.00", 120, null, null, true);
        long redemption = fixtures.as(member.username(), () -> redemptions.redeem(reward, 1, false, "origin-" + member.id())).id();
        long hold = jdbc.sql("SELECT h.hold_entry_id FROM ledger_hold h JOIN catalog_redemption r ON r.hold_id = h.id WHERE r.id = ?")
                .param(redemption).query(Long.class).single();

        String checker = "origin" + System.nanoTime() % 1_000_000_000;
        SystemActor.run(() -> users.createStaffUser(new NewStaffUser(checker, "复核管理员", Role.ADMIN, "origin-checker-2026")));
        login("admin");
        long caseId = cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.FAKE_ORDERS, "重复上报", String.valueOf(earn),
                100L, 10), "三张相同小票");
        login(checker, "origin-checker-2026");
        cases.approveFreeze(caseId);
        long freeze = jdbc.sql("SELECT id FROM ledger_entry WHERE kind = 'FREEZE' AND case_reference = ?")
                .param(cases.file(caseId).orElseThrow().pointsCase().reference()).query(Long.class).single();

        login("regulator");
        AuditEntryDetail held = trail.entry(hold).orElseThrow();
        assertThat(held.redemption()).isNotNull();
        assertThat(held.redemption().rewardNameZh()).isEqualTo("竹制牙刷");
        assertThat(held.redemption().code()).startsWith("••••••");
        assertThat(trail.entry(freeze).orElseThrow().caseId()).isEqualTo(caseId);

        // On the page: the hold opens to its redemption, the freeze to a link to its case.
        navigate("regulator/audit-trail");
        setValue(_get(TextField.class, spec -> spec.withClasses("audit-member")), fixtures.memberNumber(member.id()));
        _click(_get(Button.class, spec -> spec.withClasses("audit-search")));
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withClasses("audit-grid"));
        int holdRow = IntStream.range(0, GridKt._size(grid)).filter(row -> GridKt._get(grid, row).entryId() == hold)
                .findFirst().orElseThrow();
        GridKt._clickItem(grid, holdRow);
        assertThat(_get(Div.class, spec -> spec.withClasses("audit-redemption")).getChildren().map(child -> ((Fact) child).value()))
                .contains("竹制牙刷 × 1", "待领取（积分冻结中）");
        int freezeRow = IntStream.range(0, GridKt._size(grid)).filter(row -> GridKt._get(grid, row).entryId() == freeze)
                .findFirst().orElseThrow();
        GridKt._clickItem(grid, freezeRow);
        assertThat(_get(Anchor.class, spec -> spec.withClasses("audit-case-link")).getHref())
                .isEqualTo("regulator/case/" + caseId);
    }

    @Test
    void onlyAdminsAndRegulatorsReadTheTrail() {
        login("member");
        assertThatThrownBy(() -> trail.page(AuditFilter.ALL, null, 10)).isInstanceOf(AccessDeniedException.class);
        login("merchant");
        assertThatThrownBy(() -> trail.entry(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRegulatorSearchesByMemberAndOpensAnEntry() {
        login("regulator");
        navigate("regulator/audit-trail");
        setValue(_get(TextField.class, spec -> spec.withClasses("audit-member")), "9202 6120 1007");
        _click(_get(Button.class, spec -> spec.withClasses("audit-search")));
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withClasses("audit-grid"));
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(5);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("获得");
        GridKt._clickItem(grid, 0);
        @SuppressWarnings("unchecked")
        Grid<AuditEntryDetail.Movement> postings = _get(Grid.class, spec -> spec.withClasses("audit-postings"));
        assertThat(GridKt._size(postings)).isEqualTo(2);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("audit-seal-head")).getText()).startsWith("封印头");
    }

    @Test
    void aPublishedHeadProvesTheJournalUpToItAndAMissingOrDifferentHeadIsAViolation() {
        SystemActor.run(() -> ledger.post(new org.evergreen.ledger.EntryRequest(EntryKind.ADJUSTMENT, "test", "head-" + System.nanoTime(),
                "test", "adjustment", null, null, List.of(
                new org.evergreen.ledger.Posting(ledger.account(AccountType.PLATFORM_PROMOTION, AccountType.PLATFORM), -1),
                new org.evergreen.ledger.Posting(ledger.account(AccountType.PLATFORM_RECOVERY, AccountType.PLATFORM), 1)), null)));
        sealer.sealAll();
        SealHead head = ledger.sealHead().orElseThrow();
        login("regulator");
        assertThat(ledger.verifyIntegrity(head.sealId(), head.sealHash()).violations())
                .noneMatch(violation -> violation.check() == IntegrityReport.Check.PUBLISHED_HEAD);
        assertThat(ledger.verifyIntegrity(head.sealId(), "0".repeat(64)).violations())
                .anyMatch(violation -> violation.check() == IntegrityReport.Check.PUBLISHED_HEAD && violation.subjectId() == head.sealId());
        // A head the journal does not reach any more: it was cut short after the head was published.
        assertThat(ledger.verifyIntegrity(head.sealId() + 1_000_000, head.sealHash()).violations())
                .anyMatch(violation -> violation.check() == IntegrityReport.Check.PUBLISHED_HEAD);

        // Anyone may read the head, signed in or not.
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        navigate("audit/seal");
        assertThat(_get(org.evergreen.shared.ui.Fact.class, spec -> spec.withClasses("seal-hash")).value())
                .isEqualTo(ledger.sealHead().orElseThrow().sealHash());
    }
}
