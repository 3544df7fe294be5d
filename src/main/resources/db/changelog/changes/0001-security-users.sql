--liquibase formatted sql

--changeset evergreen:0001-security-user
--comment: Everyone who signs in: members, merchant staff, platform admins and regulators. Times are UTC.
CREATE TABLE security_user (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    username          VARCHAR(64)  NOT NULL,
    display_name      VARCHAR(64)  NOT NULL,
    password_hash     VARCHAR(255) NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    phone             VARCHAR(20)  NULL,
    email             VARCHAR(254) NULL,
    merchant_id       BIGINT       NULL,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins     INT          NOT NULL DEFAULT 0,
    locked_until      DATETIME(6)  NULL,
    terms_accepted_at DATETIME(6)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_security_user_username UNIQUE (username),
    CONSTRAINT uq_security_user_phone UNIQUE (phone),
    CONSTRAINT uq_security_user_email UNIQUE (email),
    CONSTRAINT ck_security_user_role CHECK (role IN ('MEMBER', 'MERCHANT', 'ADMIN', 'REGULATOR')),
    CONSTRAINT ck_security_user_merchant CHECK ((role = 'MERCHANT') = (merchant_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
