--liquibase formatted sql

--changeset evergreen:0008-ledger-lot-fixed-columns splitStatements:false
--comment: A lot's owner, origin, size and expiry never change; its remaining points only go down.
CREATE TRIGGER ledger_lot_fixed_columns BEFORE UPDATE ON ledger_lot FOR EACH ROW
BEGIN
    IF NEW.account_id <> OLD.account_id OR NEW.entry_id <> OLD.entry_id OR NEW.amount <> OLD.amount
        OR NOT (NEW.expires_at <=> OLD.expires_at) OR NEW.remaining > OLD.remaining THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_lot: only remaining may change, and only downwards';
    END IF;
END

--changeset evergreen:0008-ledger-lot-no-delete
CREATE TRIGGER ledger_lot_no_delete BEFORE DELETE ON ledger_lot FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_lot rows are never deleted';

--changeset evergreen:0008-ledger-account-fixed-columns splitStatements:false
--comment: An account's type, owner and kind of balance never change; only its balance does.
CREATE TRIGGER ledger_account_fixed_columns BEFORE UPDATE ON ledger_account FOR EACH ROW
BEGIN
    IF NEW.type <> OLD.type OR NEW.owner_id <> OLD.owner_id OR NEW.tracked <> OLD.tracked THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_account: only the balance may change';
    END IF;
END

--changeset evergreen:0008-ledger-account-no-delete
CREATE TRIGGER ledger_account_no_delete BEFORE DELETE ON ledger_account FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_account rows are never deleted';

--changeset evergreen:0008-ledger-hold-fixed-columns splitStatements:false
--comment: A hold is resolved once, from PENDING; what it holds never changes.
CREATE TRIGGER ledger_hold_fixed_columns BEFORE UPDATE ON ledger_hold FOR EACH ROW
BEGIN
    IF NEW.hold_entry_id <> OLD.hold_entry_id OR NEW.source_account_id <> OLD.source_account_id
        OR NEW.held_account_id <> OLD.held_account_id OR NEW.amount <> OLD.amount
        OR NOT (NEW.expires_at <=> OLD.expires_at) OR OLD.status <> 'PENDING' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_hold: only a pending hold may be resolved, once';
    END IF;
END

--changeset evergreen:0008-ledger-hold-no-delete
CREATE TRIGGER ledger_hold_no_delete BEFORE DELETE ON ledger_hold FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_hold rows are never deleted';
