--liquibase formatted sql

--changeset evergreen:0035-green-share-card
--comment: A member's shared impact card for a year: anyone with the link (an unguessable token of 256 random bits) sees the year's figures and nothing personal, until the member stops sharing it (revoked_at).
CREATE TABLE green_share_card (
    token      CHAR(43)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    member_id  BIGINT      NOT NULL,
    year       SMALLINT    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    PRIMARY KEY (token),
    KEY ix_green_share_card_member (member_id, year)
) ENGINE=InnoDB;
