--liquibase formatted sql

--changeset evergreen:0007-ledger-entry-request-hash
--comment: What was asked for, without the time: an idempotency key reused for a different request is refused instead of answered with the first entry.
ALTER TABLE ledger_entry ADD COLUMN request_hash CHAR(64) NULL AFTER content_hash;
