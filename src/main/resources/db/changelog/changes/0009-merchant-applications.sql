--liquibase formatted sql

--changeset evergreen:0009-merchant-application
--comment: A business's application to join the coalition, reviewed by a platform admin. The tracking code lets the applicant follow it without an account.
CREATE TABLE merchant_application (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    tracking_code       CHAR(10)     NOT NULL,
    name_zh             VARCHAR(100) NOT NULL,
    name_en             VARCHAR(100) NOT NULL,
    category            VARCHAR(32)  NOT NULL,
    unified_credit_code CHAR(18)     NOT NULL,
    contact_name        VARCHAR(50)  NOT NULL,
    contact_phone       VARCHAR(20)  NOT NULL,
    contact_email       VARCHAR(254) NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    decision_reason     VARCHAR(500) NULL,
    decided_by          BIGINT       NULL,
    decided_at          DATETIME(6)  NULL,
    merchant_id         BIGINT       NULL,
    terms_accepted_at   DATETIME(6)  NOT NULL,
    submitted_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_merchant_application_tracking UNIQUE (tracking_code),
    KEY ix_merchant_application_status (status, id),
    CONSTRAINT ck_merchant_application_status CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0009-merchant-application-store
--comment: The stores an application names; approval turns them into merchant_store rows.
CREATE TABLE merchant_application_store (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    application_id BIGINT       NOT NULL,
    name_zh        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(100) NOT NULL,
    city_zh        VARCHAR(50)  NOT NULL,
    city_en        VARCHAR(50)  NOT NULL,
    address        VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_merchant_application_store FOREIGN KEY (application_id) REFERENCES merchant_application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
