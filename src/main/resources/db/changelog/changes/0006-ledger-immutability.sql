--liquibase formatted sql

--changeset evergreen:0006-ledger-entry-no-update
--comment: Ledger entries are never edited: corrections are reversal entries.
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is insert-only: post a reversal instead';

--changeset evergreen:0006-ledger-entry-no-delete
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is insert-only: post a reversal instead';

--changeset evergreen:0006-ledger-posting-no-update
CREATE TRIGGER ledger_posting_no_update BEFORE UPDATE ON ledger_posting FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_posting is insert-only: post a reversal instead';

--changeset evergreen:0006-ledger-posting-no-delete
CREATE TRIGGER ledger_posting_no_delete BEFORE DELETE ON ledger_posting FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_posting is insert-only: post a reversal instead';

--changeset evergreen:0006-ledger-lot-movement-no-update
CREATE TRIGGER ledger_lot_movement_no_update BEFORE UPDATE ON ledger_lot_movement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_lot_movement is insert-only';

--changeset evergreen:0006-ledger-lot-movement-no-delete
CREATE TRIGGER ledger_lot_movement_no_delete BEFORE DELETE ON ledger_lot_movement FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_lot_movement is insert-only';
