package org.evergreen.compliance;

import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.Ledger;
import org.evergreen.security.NewStaffUser;
import org.evergreen.security.Role;
import org.evergreen.security.RunAs;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Freezes and deductions only through a case with evidence, four eyes, an appeal and a reasoned decision: on MariaDB. */
class CasesTest extends KaribuTest {

    private static final String PASSWORD = "second-admin-2026";

    @Autowired
    ApplicationContext context;

    @Autowired
    Cases cases;

    @Autowired
    Ledger ledger;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    private CatalogFixtures fixtures;
    private String secondAdmin;
    private String thirdAdmin;

    @BeforeEach
    void admins() {
        fixtures = new CatalogFixtures(context);
        secondAdmin = "checker" + System.nanoTime() % 1_000_000_000;
        thirdAdmin = "arbiter" + System.nanoTime() % 1_000_000_000;
        SystemActor.run(() -> users.createStaffUser(new NewStaffUser(secondAdmin, "复核管理员", Role.ADMIN, PASSWORD)));
        SystemActor.run(() -> users.createStaffUser(new NewStaffUser(thirdAdmin, "裁决管理员", Role.ADMIN, PASSWORD)));
    }

    @Test
    void aCaseFreezesWithEvidenceAndFourEyesTheMemberAppealsAndADecisionDeductsPartAndReleasesTheRest() {
        TestMember member = fixtures.member(1_000);
        String entry = String.valueOf(walletEntries(member.id()).getFirst());
        login("admin");
        long caseId = cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.FAKE_ORDERS, "同一小票在三家门店重复上报",
                entry, 600L, 10), null);

        // Refused, nothing changed: the opener's own approval, and a freeze without evidence.
        assertThatThrownBy(() -> cases.approveFreeze(caseId)).hasMessageContaining("case.fourEyes");
        login(secondAdmin, PASSWORD);
        assertThatThrownBy(() -> cases.approveFreeze(caseId)).hasMessageContaining("case.evidenceRequired");
        assertThat(fixtures.available(member.id())).isEqualTo(1_000);

        login("admin");
        cases.addEvidence(caseId, "三家门店的小票照片", "receipts.txt", "text/plain", "receipt 8812 x3".getBytes(StandardCharsets.UTF_8));
        login(secondAdmin, PASSWORD);
        cases.approveFreeze(caseId);
        assertThat(fixtures.available(member.id())).isEqualTo(400);
        assertThat(balance(AccountType.MEMBER_FROZEN, member.id())).isEqualTo(600);
        String reference = cases.file(caseId).orElseThrow().pointsCase().reference();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'FREEZE' AND case_reference = ?").param(reference)
                .query(Long.class).single()).isOne();

        // The member sees their case and appeals with a statement.
        fixtures.as(member.username(), () -> {
            assertThat(cases.mine()).extracting(PointsCase::id).containsExactly(caseId);
            cases.appeal(caseId, "这些是家人分别消费，小票号相同是收银系统问题。", null, null, null);
        });

        // No deduction while the appeal is open; the opener may not decide; a deduction above the frozen points is refused;
        // once the appeal period is over, 200 are deducted and 400 released.
        login(thirdAdmin, PASSWORD);
        assertThatThrownBy(() -> cases.decide(caseId, 200, "证据充分")).hasMessageContaining("case.appealStillOpen");
        closeAppeal(caseId);
        login("admin");
        assertThatThrownBy(() -> cases.decide(caseId, 200, "证据充分")).hasMessageContaining("case.fourEyes");
        login(thirdAdmin, PASSWORD);
        assertThatThrownBy(() -> cases.decide(caseId, 700, "证据充分")).hasMessageContaining("case.deductTooMuch");
        cases.decide(caseId, 200, "其中两笔确为重复上报，一笔为家人真实消费。");
        assertThat(fixtures.available(member.id())).isEqualTo(800);
        assertThat(balance(AccountType.MEMBER_FROZEN, member.id())).isZero();
        CaseFile file = cases.file(caseId).orElseThrow();
        assertThat(file.pointsCase().status()).isEqualTo(CaseStatus.DEDUCTED);
        assertThat(file.pointsCase().deductedPoints()).isEqualTo(200);
        assertThat(file.timeline()).extracting(CaseFile.Event::event)
                .containsExactly("OPENED", "EVIDENCE", "FROZEN", "APPEAL_EVIDENCE", "APPEALED", "DEDUCTED");
        assertThat(file.evidence()).filteredOn(evidence -> evidence.fileName() != null).singleElement()
                .satisfies(evidence -> assertThat(evidence.sha256()).hasSize(64));
        assertThat(jdbc.sql("SELECT kind FROM ledger_entry WHERE case_reference = ? ORDER BY id").param(reference).query(String.class).list())
                .containsExactly("FREEZE", "DEDUCT", "UNFREEZE");

        // A decided case takes no second decision.
        login(secondAdmin, PASSWORD);
        assertThatThrownBy(() -> cases.decide(caseId, 0, "复议")).hasMessageContaining("case.notFrozen");
    }

    @Test
    void twoAdminsDecidingTheSameCaseAtOnceOneWins() throws Exception {
        TestMember member = fixtures.member(500);
        long caseId = frozenCase(member, 500);
        Authentication second = login(secondAdmin, PASSWORD);
        Authentication third = login(thirdAdmin, PASSWORD);
        CountDownLatch start = new CountDownLatch(1);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (Authentication admin : List.of(second, third)) {
            runs.add(pool.submit(() -> {
                start.await();
                try {
                    RunAs.call(admin, (Supplier<Void>) () -> {
                        cases.decide(caseId, admin == second ? 500 : 0, "决定");
                        return null;
                    });
                    outcomes.add("decided");
                } catch (InvalidInputException refused) {
                    outcomes.add(refused.messageKey());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("decided", "case.notFrozen");
        assertThat(balance(AccountType.MEMBER_FROZEN, member.id())).isZero();
        assertThat(fixtures.available(member.id())).isIn(0L, 500L);
    }

    @Test
    void aFreezeNobodyDecidesInTimeReleasesItselfAndTakesNoLaterDecision() {
        TestMember member = fixtures.member(300);
        long caseId = frozenCase(member, 300);
        jdbc.sql("UPDATE compliance_case SET decide_by = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?").param(caseId).update();
        assertThat(SystemActor.call(cases::releaseOverdueNow)).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.available(member.id())).isEqualTo(300);
        login(thirdAdmin, PASSWORD);
        assertThatThrownBy(() -> cases.decide(caseId, 300, "太晚了")).hasMessageContaining("case.notFrozen");
        assertThat(cases.file(caseId).orElseThrow().timeline()).extracting(CaseFile.Event::event).last().isEqualTo("AUTO_RELEASED");
    }

    @Test
    void merchantsOpenCasesOnlyOnTheirOwnPurchasesAndOthersSeeNothing() {
        TestMember member = fixtures.member(200);
        String ownEntry = String.valueOf(walletEntries(member.id()).getFirst());
        TestMember other = fixtures.member(0);
        // The demo member's hotel purchase is not the convenience store's to dispute.
        long hotelEntry = jdbc.sql("""
                        SELECT e.id FROM ledger_entry e JOIN earning_purchase p ON e.idempotency_key = p.idempotency_key
                        WHERE p.receipt_number = 'DEMO-2'""").query(Long.class).single();
        long merchantCase = fixtures.as("merchant", () -> {
            assertThatThrownBy(() -> cases.open(new CaseDraft("920261201007", CaseBehaviour.POINTS_FARMING, "异常", String.valueOf(hotelEntry),
                    100L, null), "x")).hasMessageContaining("case.notYourPurchases");
            return cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.POINTS_FARMING, "同一时段大量积分", ownEntry,
                    100L, null), "收银台监控截图说明");
        });
        // Another merchant's staff do not see it.
        fixtures.as("hotel", () -> assertThat(cases.file(merchantCase)).isEmpty());
        login("regulator");
        assertThat(cases.file(merchantCase).orElseThrow().pointsCase().merchantId()).isNotNull();
        assertThatThrownBy(() -> cases.approveFreeze(merchantCase)).isInstanceOf(AccessDeniedException.class);
        fixtures.as(other.username(), () -> {
            assertThat(cases.file(merchantCase)).isEmpty();
            assertThatThrownBy(() -> cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.OTHER, "x", ownEntry, 1L, null),
                    "x")).isInstanceOf(AccessDeniedException.class);
            return null;
        });
        fixtures.as("merchant", () -> {
            assertThat(cases.file(merchantCase)).isPresent();
            assertThat(cases.openedByMyMerchant(null, 50)).extracting(PointsCase::id).contains(merchantCase);
        });
        fixtures.as("hotel", () -> assertThat(cases.openedByMyMerchant(null, 50)).extracting(PointsCase::id).doesNotContain(merchantCase));
        login("merchant");
        navigate("merchant/cases");
        assertThat(_find(Fact.class, spec -> spec.withClasses("case-reference"))).extracting(Fact::value)
                .contains(cases.file(merchantCase).orElseThrow().pointsCase().reference());
    }

    @Test
    void aCaseClaimsNoMorePointsThanItsEntriesBroughtTheMember() {
        TestMember member = fixtures.member(100);
        login("admin");
        assertThatThrownBy(() -> cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.OTHER, "过多",
                String.valueOf(walletEntries(member.id()).getFirst()), 101L, null), "x")).hasMessageContaining("case.pointsAboveEntries");
    }

    private void closeAppeal(long caseId) {
        jdbc.sql("UPDATE compliance_case SET appeal_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?").param(caseId).update();
    }

    private long frozenCase(TestMember member, long points) {
        login("admin");
        long caseId = cases.open(new CaseDraft(fixtures.memberNumber(member.id()), CaseBehaviour.OTHER, "测试案件",
                String.valueOf(walletEntries(member.id()).getFirst()), points, null), "证据说明");
        login(secondAdmin, PASSWORD);
        cases.approveFreeze(caseId);
        closeAppeal(caseId);
        return caseId;
    }

    private List<Long> walletEntries(long memberId) {
        return jdbc.sql("""
                        SELECT p.entry_id FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.owner_id = ? AND a.type = 'MEMBER_WALLET' ORDER BY p.entry_id""").param(memberId).query(Long.class).list();
    }

    private long balance(AccountType type, long memberId) {
        return jdbc.sql("SELECT COALESCE(MAX(balance), 0) FROM ledger_account WHERE owner_id = ? AND type = ?").params(memberId, type.name())
                .query(Long.class).single();
    }
}
