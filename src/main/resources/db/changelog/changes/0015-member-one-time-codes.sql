--liquibase formatted sql

--changeset evergreen:0015-member-code
--comment: One-time codes a member shows at the till (as digits and as a QR code): valid for minutes, used once.
CREATE TABLE member_code (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    code       CHAR(10)    NOT NULL,
    member_id  BIGINT      NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_member_code UNIQUE (code),
    KEY ix_member_code_member (member_id, id)
) ENGINE = InnoDB;
