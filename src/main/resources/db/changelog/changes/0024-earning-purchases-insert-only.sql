--liquibase formatted sql

--changeset evergreen:0024-earning-purchase-no-update
--comment: A purchase, its lines and the points of each rule are what the regulator audits: nobody changes them after the fact. A refund is a row of its own.
CREATE TRIGGER earning_purchase_no_update BEFORE UPDATE ON earning_purchase FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_purchase is insert-only: record a refund instead';

--changeset evergreen:0024-earning-purchase-no-delete
CREATE TRIGGER earning_purchase_no_delete BEFORE DELETE ON earning_purchase FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_purchase is insert-only: record a refund instead';

--changeset evergreen:0024-earning-purchase-line-no-update
CREATE TRIGGER earning_purchase_line_no_update BEFORE UPDATE ON earning_purchase_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_purchase_line is insert-only: record a refund instead';

--changeset evergreen:0024-earning-purchase-line-no-delete
CREATE TRIGGER earning_purchase_line_no_delete BEFORE DELETE ON earning_purchase_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_purchase_line is insert-only: record a refund instead';

--changeset evergreen:0024-earning-purchase-rule-no-update
CREATE TRIGGER earning_purchase_rule_no_update BEFORE UPDATE ON earning_purchase_rule FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_purchase_rule is insert-only: the points of a purchase never change';

--changeset evergreen:0024-earning-purchase-rule-no-delete
CREATE TRIGGER earning_purchase_rule_no_delete BEFORE DELETE ON earning_purchase_rule FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_purchase_rule is insert-only: the points of a purchase never change';
