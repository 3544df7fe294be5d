--liquibase formatted sql

--changeset evergreen:0014-earning-refund
--comment: A full or partial refund of a purchase, and the points it clawed back.
CREATE TABLE earning_refund (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    purchase_id     BIGINT         NOT NULL,
    merchant_id     BIGINT         NOT NULL,
    idempotency_key VARCHAR(128)   NOT NULL,
    amount          DECIMAL(12, 2) NOT NULL,
    points          BIGINT         NOT NULL,
    ledger_entry_id BIGINT         NULL,
    created_at      DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_earning_refund_idempotency UNIQUE (merchant_id, idempotency_key),
    KEY ix_earning_refund_purchase (purchase_id),
    CONSTRAINT fk_earning_refund_purchase FOREIGN KEY (purchase_id) REFERENCES earning_purchase (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0014-earning-refund-line
CREATE TABLE earning_refund_line (
    id        BIGINT      NOT NULL AUTO_INCREMENT,
    refund_id BIGINT      NOT NULL,
    sku       VARCHAR(64) NOT NULL,
    quantity  INT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_earning_refund_line FOREIGN KEY (refund_id) REFERENCES earning_refund (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
