--liquibase formatted sql

--changeset evergreen:0039-security-action-log
--comment: Every admin's and merchant owner's change to rules, prices, the point value, limits, users, keys and stores, in the transaction of the change itself. Insert-only, like the ledger: regulators read it.
CREATE TABLE security_action_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    acted_at    DATETIME(6)   NOT NULL,
    actor_id    BIGINT        NOT NULL,
    actor_name  VARCHAR(64)   NOT NULL,
    actor_role  VARCHAR(16)   NOT NULL,
    merchant_id BIGINT        NULL,
    action      VARCHAR(64)   NOT NULL,
    subject     VARCHAR(128)  NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_security_action_log_merchant (merchant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0039-security-action-log-no-update
CREATE TRIGGER security_action_log_no_update BEFORE UPDATE ON security_action_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'security_action_log is insert-only';

--changeset evergreen:0039-security-action-log-no-delete
CREATE TRIGGER security_action_log_no_delete BEFORE DELETE ON security_action_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'security_action_log is insert-only';
