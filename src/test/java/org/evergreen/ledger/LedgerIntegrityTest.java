package org.evergreen.ledger;

import org.evergreen.ledger.IntegrityReport.Check;
import org.evergreen.ledger.internal.EntryHasher;
import org.evergreen.ledger.internal.Sealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tampering with stored rows behind the ledger's back is found and named by the verifier. */
class LedgerIntegrityTest extends LedgerTestSupport {

    @Autowired
    Sealer sealer;

    @Test
    void aCleanLedgerVerifiesAndTheRunIsKept() {
        earn(newOwner(), newOwner(), 10, null);
        sealer.sealAll();

        IntegrityReport report = ledger.verifyIntegrity();

        assertThat(report.violations()).isEmpty();
        assertThat(report.entriesChecked()).isPositive();
        assertThat(report.sealsChecked()).isPositive();
        assertThat(ledger.lastIntegrityReport()).get().extracting(IntegrityReport::finishedAt).isEqualTo(report.finishedAt());
    }

    @Test
    void aPostingAmountChangedInSqlIsNamedByItsEntry() {
        long member = newOwner();
        PostedEntry entry = earn(member, newOwner(), 250, null);
        sealer.sealAll();

        withoutUpdateGuard("ledger_posting", () -> jdbc.sql("UPDATE ledger_posting SET amount = amount * 10 WHERE entry_id = ? AND amount > 0")
                .param(entry.entryId()).update());
        try {
            IntegrityReport report = ledger.verifyIntegrity();
            assertThat(report.violations()).anySatisfy(violation -> {
                assertThat(violation.check()).isEqualTo(Check.ENTRY_HASH);
                assertThat(violation.subjectId()).isEqualTo(entry.entryId());
            });
            assertThat(report.violations()).anySatisfy(violation -> {
                assertThat(violation.check()).isEqualTo(Check.ENTRY_BALANCE);
                assertThat(violation.subjectId()).isEqualTo(entry.entryId());
            });
            assertThat(report.violations()).anySatisfy(violation ->
                    assertThat(violation.check()).isEqualTo(Check.ACCOUNT_BALANCE));
        } finally {
            withoutUpdateGuard("ledger_posting", () -> jdbc.sql("UPDATE ledger_posting SET amount = amount / 10 WHERE entry_id = ? AND amount > 0")
                    .param(entry.entryId()).update());
        }
        assertThat(ledger.verifyIntegrity().violations()).isEmpty();
    }

    @Test
    void aForgerWhoRecomputesTheEntryHashIsCaughtByTheKeyedSeal() {
        long member = newOwner();
        PostedEntry entry = earn(member, newOwner(), 40, null);
        sealer.sealAll();
        String originalHash = contentHash(entry.entryId());

        // The forger changes the amount, recomputes the entry's hash exactly, but cannot key the seal.
        withoutUpdateGuard("ledger_posting", () -> jdbc.sql("UPDATE ledger_posting SET amount = amount * 2 WHERE entry_id = ?")
                .param(entry.entryId()).update());
        withoutUpdateGuard("ledger_entry", () -> jdbc.sql("UPDATE ledger_entry SET content_hash = ? WHERE id = ?")
                .params(recomputedHash(entry.entryId()), entry.entryId()).update());
        try {
            IntegrityReport report = ledger.verifyIntegrity();
            assertThat(report.violations()).noneMatch(violation -> violation.check() == Check.ENTRY_HASH);
            assertThat(report.violations()).anyMatch(violation -> violation.check() == Check.SEAL);
        } finally {
            withoutUpdateGuard("ledger_posting", () -> jdbc.sql("UPDATE ledger_posting SET amount = amount / 2 WHERE entry_id = ?")
                    .param(entry.entryId()).update());
            withoutUpdateGuard("ledger_entry", () -> jdbc.sql("UPDATE ledger_entry SET content_hash = ? WHERE id = ?")
                    .params(originalHash, entry.entryId()).update());
        }
        assertThat(ledger.verifyIntegrity().violations()).isEmpty();
    }

    private String contentHash(long entryId) {
        return jdbc.sql("SELECT content_hash FROM ledger_entry WHERE id = ?").param(entryId).query(String.class).single();
    }

    private String recomputedHash(long entryId) {
        List<Posting> postings = jdbc.sql("SELECT account_id, amount FROM ledger_posting WHERE entry_id = ?").param(entryId)
                .query((rs, n) -> new Posting(rs.getLong("account_id"), rs.getLong("amount"))).list();
        return jdbc.sql("""
                        SELECT kind, origin, idempotency_key, actor, reason, reference, case_reference, reverses_entry_id, created_at
                        FROM ledger_entry WHERE id = ?""").param(entryId)
                .query((rs, n) -> EntryHasher.entryHash(rs.getString("kind"), rs.getString("origin"),
                        rs.getString("idempotency_key"), rs.getString("actor"), rs.getString("reason"), rs.getString("reference"),
                        rs.getString("case_reference"), rs.getObject("reverses_entry_id", Long.class),
                        rs.getObject("created_at", LocalDateTime.class), postings))
                .single();
    }

    /** What an attacker with DBA rights would do: drop the guard, change the row, put the guard back. */
    private void withoutUpdateGuard(String table, Runnable tampering) {
        String trigger = table + "_no_update";
        jdbc.sql("DROP TRIGGER " + trigger).update();
        try {
            tampering.run();
        } finally {
            jdbc.sql("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON " + table + " FOR EACH ROW SIGNAL SQLSTATE '45000' "
                    + "SET MESSAGE_TEXT = '" + table + " is insert-only: post a reversal instead'").update();
        }
    }
}
