--liquibase formatted sql

--changeset evergreen:0002-merchant-merchant
--comment: Businesses that take part in the coalition.
CREATE TABLE merchant_merchant (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    name_zh             VARCHAR(100) NOT NULL,
    name_en             VARCHAR(100) NOT NULL,
    category            VARCHAR(32)  NOT NULL,
    unified_credit_code CHAR(18)     NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_merchant_merchant_credit_code UNIQUE (unified_credit_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0002-merchant-store
--comment: Physical or online points of sale of a merchant.
CREATE TABLE merchant_store (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    merchant_id BIGINT       NOT NULL,
    name_zh     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    city_zh     VARCHAR(50)  NOT NULL,
    city_en     VARCHAR(50)  NOT NULL,
    address     VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_merchant_store_merchant FOREIGN KEY (merchant_id) REFERENCES merchant_merchant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
