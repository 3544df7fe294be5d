--liquibase formatted sql

--changeset evergreen:0045-ledger-entry-kind
--comment: The audit trail filtered by a kind of entry (a rare one, as deductions) pages through this index instead of the whole journal.
CREATE INDEX ix_ledger_entry_kind ON ledger_entry (kind, id);
