--liquibase formatted sql

--changeset evergreen:0031-green-reconciliation
--comment: Each check of the members' monthly aggregates against a recomputation from the purchase records: when, how many months were compared, how many differ, and the first differing rows in words.
CREATE TABLE green_reconciliation (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    ran_at      DATETIME(6) NOT NULL,
    compared    BIGINT      NOT NULL,
    mismatches  BIGINT      NOT NULL,
    details     MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_green_reconciliation_ran_at (ran_at)
) ENGINE=InnoDB;
