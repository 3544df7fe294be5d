--liquibase formatted sql

--changeset evergreen:0011-merchant-till-key
--comment: API keys of stores' tills. Only a hash of the secret is kept; the key is shown once, when created.
CREATE TABLE merchant_till_key (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    merchant_id  BIGINT      NOT NULL,
    store_id     BIGINT      NOT NULL,
    key_prefix   CHAR(8)     NOT NULL,
    secret_hash  CHAR(64)    NOT NULL,
    label        VARCHAR(50) NOT NULL,
    created_by   BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    last_used_at DATETIME(6) NULL,
    revoked_at   DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_merchant_till_key_prefix UNIQUE (key_prefix),
    KEY ix_merchant_till_key_merchant (merchant_id, id),
    CONSTRAINT fk_merchant_till_key_store FOREIGN KEY (store_id) REFERENCES merchant_store (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
