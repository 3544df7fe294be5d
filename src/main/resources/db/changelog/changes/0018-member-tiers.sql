--liquibase formatted sql

--changeset evergreen:0018-member-tier-thresholds
--comment: Platform-wide tier thresholds in yuan of rolling 12-month qualifying spend, one row per change an admin makes.
CREATE TABLE member_tier_threshold (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    silver_spend DECIMAL(12, 2) NOT NULL,
    gold_spend   DECIMAL(12, 2) NOT NULL,
    set_at       DATETIME(6)    NOT NULL,
    set_by       VARCHAR(64)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_member_tier_threshold_order CHECK (silver_spend > 0 AND gold_spend > silver_spend)
) ENGINE = InnoDB;

--changeset evergreen:0018-member-qualifying-spend
--comment: The spend the stored tier was last worked out from.
ALTER TABLE member_member ADD COLUMN qualifying_spend DECIMAL(14, 2) NOT NULL DEFAULT 0 AFTER tier;
