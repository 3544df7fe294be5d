--liquibase formatted sql

--changeset evergreen:0012-earning-base-rule
--comment: A merchant's base earning rate, versioned. A version applies only from its effective time, which is never before it was disclosed.
CREATE TABLE earning_base_rule (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    merchant_id     BIGINT        NOT NULL,
    version         INT           NOT NULL,
    points_per_yuan DECIMAL(10, 2) NOT NULL,
    disclosed_at    DATETIME(6)   NOT NULL,
    effective_from  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_earning_base_rule_version UNIQUE (merchant_id, version),
    KEY ix_earning_base_rule_effective (merchant_id, effective_from),
    CONSTRAINT ck_earning_base_rule_disclosed CHECK (effective_from >= disclosed_at AND points_per_yuan >= 0)
) ENGINE = InnoDB;

--changeset evergreen:0012-earning-purchase
--comment: A purchase reported by a till, with the points it earned and the rule version that produced them.
CREATE TABLE earning_purchase (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    merchant_id     BIGINT         NOT NULL,
    store_id        BIGINT         NOT NULL,
    member_id       BIGINT         NOT NULL,
    receipt_number  VARCHAR(64)    NOT NULL,
    idempotency_key VARCHAR(128)   NOT NULL,
    purchased_at    DATETIME(6)    NOT NULL,
    total           DECIMAL(12, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    points          BIGINT         NOT NULL,
    rule_version    INT            NOT NULL,
    ledger_entry_id BIGINT         NULL,
    created_at      DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_earning_purchase_receipt UNIQUE (store_id, receipt_number),
    CONSTRAINT uq_earning_purchase_idempotency UNIQUE (merchant_id, idempotency_key),
    KEY ix_earning_purchase_member (member_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0012-earning-purchase-line
CREATE TABLE earning_purchase_line (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    purchase_id BIGINT         NOT NULL,
    sku         VARCHAR(64)    NOT NULL,
    name        VARCHAR(200)   NOT NULL,
    category    VARCHAR(64)    NOT NULL,
    quantity    INT            NOT NULL,
    unit_price  DECIMAL(12, 2) NOT NULL,
    green       BOOLEAN        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_earning_purchase_line FOREIGN KEY (purchase_id) REFERENCES earning_purchase (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
