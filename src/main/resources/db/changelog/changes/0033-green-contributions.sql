--liquibase formatted sql

--changeset evergreen:0033-green-contribution
--comment: What each purchase or refund adds to the green aggregates, appended by the listener (no row another purchase writes too) and folded into the aggregates in batches, then deleted in the folding transaction: one row per delivery that has not been folded yet.
CREATE TABLE green_contribution (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    purchase_id BIGINT      NOT NULL,
    refund_id   BIGINT      NULL,
    change_json MEDIUMTEXT  NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_green_contribution_purchase (purchase_id)
) ENGINE=InnoDB;
