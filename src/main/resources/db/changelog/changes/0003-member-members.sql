--liquibase formatted sql

--changeset evergreen:0003-member-member
--comment: The member profile of a MEMBER user: member number (for tills) and tier.
CREATE TABLE member_member (
    user_id       BIGINT      NOT NULL,
    member_number CHAR(12)    NOT NULL,
    tier          VARCHAR(16) NOT NULL DEFAULT 'ORDINARY',
    joined_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT uq_member_member_number UNIQUE (member_number),
    CONSTRAINT ck_member_member_tier CHECK (tier IN ('ORDINARY', 'SILVER', 'GOLD'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
