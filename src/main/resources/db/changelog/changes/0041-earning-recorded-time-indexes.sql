--liquibase formatted sql

--changeset evergreen:0041-earning-purchase-recorded
--comment: Audit reports take the purchases and refunds recorded in a period, as the ledger entries they reconcile with.
CREATE INDEX ix_earning_purchase_recorded ON earning_purchase (created_at);

--changeset evergreen:0041-earning-refund-recorded
CREATE INDEX ix_earning_refund_recorded ON earning_refund (created_at);
