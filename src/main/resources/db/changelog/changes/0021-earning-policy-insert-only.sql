--liquibase formatted sql

--changeset evergreen:0021-earning-policy-no-update
--comment: The platform's cap is versioned like the merchants' rules: a change is a new row, so every node may keep a row it has read.
CREATE TRIGGER earning_policy_no_update BEFORE UPDATE ON earning_policy FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_policy is insert-only: set a new policy instead';

--changeset evergreen:0021-earning-policy-no-delete
CREATE TRIGGER earning_policy_no_delete BEFORE DELETE ON earning_policy FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_policy is insert-only: set a new policy instead';
