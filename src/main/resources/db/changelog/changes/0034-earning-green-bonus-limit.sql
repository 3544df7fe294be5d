--liquibase formatted sql

--changeset evergreen:0034-earning-green-bonus-limit
--comment: The most green points per yuan a merchant's rules may give, as admins set it over time (insert-only history; the newest row is in force, the platform's default before any). A rule version is checked against the limit when it is disclosed; versions disclosed before keep what they disclosed.
CREATE TABLE earning_green_bonus_limit (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    max_points_per_yuan DECIMAL(8, 2) NOT NULL,
    set_at              DATETIME(6)   NOT NULL,
    set_by              VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_earning_green_bonus_limit CHECK (max_points_per_yuan >= 0)
) ENGINE = InnoDB;
