--liquibase formatted sql

--changeset evergreen:0013-ledger-entry-reference-index
--comment: Clawbacks of an earn are found by their reference.
CREATE INDEX ix_ledger_entry_reference ON ledger_entry (reference);
