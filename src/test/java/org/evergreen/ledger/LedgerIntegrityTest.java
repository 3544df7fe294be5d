package org.evergreen.ledger;

import org.evergreen.ledger.IntegrityReport.Check;
import org.evergreen.ledger.internal.Sealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

        withoutPostingTrigger(() -> jdbc.sql("UPDATE ledger_posting SET amount = amount * 10 WHERE entry_id = ? AND amount > 0")
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
            withoutPostingTrigger(() -> jdbc.sql("UPDATE ledger_posting SET amount = amount / 10 WHERE entry_id = ? AND amount > 0")
                    .param(entry.entryId()).update());
        }
        assertThat(ledger.verifyIntegrity().violations()).isEmpty();
    }

    @Test
    void aRewrittenHashIsCaughtByTheSealChain() {
        PostedEntry entry = earn(newOwner(), newOwner(), 5, null);
        sealer.sealAll();
        String original = jdbc.sql("SELECT content_hash FROM ledger_entry WHERE id = ?").param(entry.entryId()).query(String.class).single();

        withoutEntryTrigger(() -> jdbc.sql("UPDATE ledger_entry SET content_hash = ? WHERE id = ?")
                .params("f".repeat(64), entry.entryId()).update());
        try {
            assertThat(ledger.verifyIntegrity().violations()).extracting(IntegrityReport.Violation::check)
                    .contains(Check.ENTRY_HASH, Check.SEAL);
        } finally {
            withoutEntryTrigger(() -> jdbc.sql("UPDATE ledger_entry SET content_hash = ? WHERE id = ?")
                    .params(original, entry.entryId()).update());
        }
        assertThat(ledger.verifyIntegrity().violations()).isEmpty();
    }

    /** What an attacker with DBA rights would do: drop the guard, change the row, put the guard back. */
    private void withoutPostingTrigger(Runnable tampering) {
        jdbc.sql("DROP TRIGGER ledger_posting_no_update").update();
        try {
            tampering.run();
        } finally {
            jdbc.sql("""
                    CREATE TRIGGER ledger_posting_no_update BEFORE UPDATE ON ledger_posting FOR EACH ROW
                        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_posting is insert-only: post a reversal instead'""").update();
        }
    }

    private void withoutEntryTrigger(Runnable tampering) {
        jdbc.sql("DROP TRIGGER ledger_entry_no_update").update();
        try {
            tampering.run();
        } finally {
            jdbc.sql("""
                    CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
                        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is insert-only: post a reversal instead'""").update();
        }
    }
}
