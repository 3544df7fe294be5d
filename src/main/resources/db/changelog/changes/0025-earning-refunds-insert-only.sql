--liquibase formatted sql

--changeset evergreen:0025-earning-refund-fixed-columns splitStatements:false
--comment: A refund is recorded once: after its insert, only the id of its ledger entry is filled in, once.
CREATE TRIGGER earning_refund_fixed_columns BEFORE UPDATE ON earning_refund FOR EACH ROW
BEGIN
    IF NEW.purchase_id <> OLD.purchase_id OR NEW.merchant_id <> OLD.merchant_id OR NEW.idempotency_key <> OLD.idempotency_key
        OR NEW.amount <> OLD.amount OR NEW.points <> OLD.points OR NEW.created_at <> OLD.created_at
        OR OLD.ledger_entry_id IS NOT NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_refund is insert-only: only its ledger entry is filled in, once';
    END IF;
END

--changeset evergreen:0025-earning-refund-no-delete
CREATE TRIGGER earning_refund_no_delete BEFORE DELETE ON earning_refund FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_refund is insert-only: refunds are never undone';

--changeset evergreen:0025-earning-refund-line-no-update
CREATE TRIGGER earning_refund_line_no_update BEFORE UPDATE ON earning_refund_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_refund_line is insert-only: refunds are never undone';

--changeset evergreen:0025-earning-refund-line-no-delete
CREATE TRIGGER earning_refund_line_no_delete BEFORE DELETE ON earning_refund_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_refund_line is insert-only: refunds are never undone';
