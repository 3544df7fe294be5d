--liquibase formatted sql

--changeset evergreen:0019-catalog-reward
--comment: A reward in the one coalition catalog, fulfilled by one merchant. points_price and the cash option mirror the latest regular price in catalog_price (its history); stock_left NULL means unlimited; redeemed counts pending and fulfilled redemptions and is the row each redemption locks. search_text is both names in lower case with a binary collation: a substring search scans its narrow index, several times faster than the rows.
CREATE TABLE catalog_reward (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    merchant_id         BIGINT        NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    category            VARCHAR(32)   NOT NULL,
    name_zh             VARCHAR(100)  NOT NULL,
    name_en             VARCHAR(100)  NOT NULL,
    description_zh      VARCHAR(2000) NOT NULL,
    description_en      VARCHAR(2000) NOT NULL,
    retail_value        DECIMAL(12,2) NOT NULL,
    currency            CHAR(3)       NOT NULL,
    points_price        BIGINT        NOT NULL,
    cash_option_points  BIGINT        NULL,
    cash_option_amount  DECIMAL(12,2) NULL,
    stock_left          BIGINT        NULL,
    redeemed            BIGINT        NOT NULL DEFAULT 0,
    per_member_limit    INT           NULL,
    redeem_within_days  INT           NOT NULL,
    available_from      DATETIME(6)   NOT NULL,
    available_until     DATETIME(6)   NULL,
    green               BOOLEAN       NOT NULL,
    listed              BOOLEAN       NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    search_text         VARCHAR(201)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin AS (LOWER(CONCAT(name_zh, ' ', name_en))) PERSISTENT,
    PRIMARY KEY (id),
    KEY ix_catalog_reward_merchant (merchant_id, id),
    KEY ix_catalog_reward_listed_points (listed, points_price, id),
    KEY ix_catalog_reward_listed_category (listed, category, points_price, id),
    KEY ix_catalog_reward_listed_green (listed, green, points_price, id),
    KEY ix_catalog_reward_search (search_text),
    CONSTRAINT ck_catalog_reward_prices CHECK (points_price > 0 AND (cash_option_points IS NULL) = (cash_option_amount IS NULL)
        AND (cash_option_points IS NULL OR cash_option_points > 0) AND (cash_option_amount IS NULL OR cash_option_amount > 0)),
    CONSTRAINT ck_catalog_reward_stock CHECK (stock_left IS NULL OR stock_left >= 0),
    CONSTRAINT ck_catalog_reward_redeemed CHECK (redeemed >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0019-catalog-price
--comment: Every price a reward ever had, insert-only: REGULAR prices apply from starts_at until the next one; CAMPAIGN prices apply within their window and beat the regular price.
CREATE TABLE catalog_price (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    reward_id          BIGINT        NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    points             BIGINT        NOT NULL,
    cash_option_points BIGINT        NULL,
    cash_option_amount DECIMAL(12,2) NULL,
    starts_at          DATETIME(6)   NOT NULL,
    ends_at            DATETIME(6)   NULL,
    recorded_at        DATETIME(6)   NOT NULL,
    recorded_by        VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_catalog_price_reward (reward_id, kind, ends_at, starts_at),
    KEY ix_catalog_price_campaign (kind, ends_at, starts_at, reward_id),
    CONSTRAINT fk_catalog_price_reward FOREIGN KEY (reward_id) REFERENCES catalog_reward (id),
    CONSTRAINT ck_catalog_price CHECK (points > 0 AND kind IN ('REGULAR', 'CAMPAIGN') AND (kind = 'REGULAR' OR ends_at > starts_at))
) ENGINE = InnoDB;

--changeset evergreen:0019-catalog-price-no-update
CREATE TRIGGER catalog_price_no_update BEFORE UPDATE ON catalog_price FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'catalog_price is insert-only: a change is a new price';

--changeset evergreen:0019-catalog-price-no-delete
CREATE TRIGGER catalog_price_no_delete BEFORE DELETE ON catalog_price FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'catalog_price is insert-only: a change is a new price';

--changeset evergreen:0019-catalog-reward-image
--comment: Uploaded reward pictures, resized on upload: a display image and a thumbnail for the catalog grid.
CREATE TABLE catalog_reward_image (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    reward_id    BIGINT      NOT NULL,
    content_type VARCHAR(32) NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    image        MEDIUMBLOB  NOT NULL,
    thumbnail    BLOB        NOT NULL,
    uploaded_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_catalog_reward_image_reward (reward_id, id),
    CONSTRAINT fk_catalog_reward_image_reward FOREIGN KEY (reward_id) REFERENCES catalog_reward (id)
) ENGINE = InnoDB;

--changeset evergreen:0019-catalog-point-value
--comment: The published value of a point and the floor no price may go below, insert-only; a change applies from effective_from, at least the notice period after it was announced.
CREATE TABLE catalog_point_value (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    yuan_per_point DECIMAL(10,6) NOT NULL,
    floor_per_point DECIMAL(10,6) NOT NULL,
    effective_from DATETIME(6)   NOT NULL,
    announced_at   DATETIME(6)   NOT NULL,
    announced_by   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_catalog_point_value_effective (effective_from, id),
    CONSTRAINT ck_catalog_point_value CHECK (yuan_per_point > 0 AND floor_per_point > 0 AND floor_per_point <= yuan_per_point
        AND effective_from >= announced_at)
) ENGINE = InnoDB;

--changeset evergreen:0019-catalog-point-value-no-update
CREATE TRIGGER catalog_point_value_no_update BEFORE UPDATE ON catalog_point_value FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'catalog_point_value is insert-only: announce a new value instead';

--changeset evergreen:0019-catalog-point-value-no-delete
CREATE TRIGGER catalog_point_value_no_delete BEFORE DELETE ON catalog_point_value FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'catalog_point_value is insert-only: announce a new value instead';

--changeset evergreen:0019-catalog-compensation
--comment: The share of a redemption's points a member receives when the merchant cancels it, insert-only; the latest applies.
CREATE TABLE catalog_compensation (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    percent      DECIMAL(5,2) NOT NULL,
    set_at       DATETIME(6)  NOT NULL,
    set_by       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_catalog_compensation CHECK (percent >= 0 AND percent <= 100)
) ENGINE = InnoDB;

--changeset evergreen:0019-catalog-redemption
--comment: A member's redemption: its points are held in the ledger (hold_id) until the merchant fulfils it (captured) or it is cancelled or expires (released). request_key makes a double click one redemption; pool_account_id names the household pool that paid, if not the member's wallet.
CREATE TABLE catalog_redemption (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    code                CHAR(10)      NOT NULL,
    member_id           BIGINT        NOT NULL,
    reward_id           BIGINT        NOT NULL,
    merchant_id         BIGINT        NOT NULL,
    request_key         VARCHAR(64)   NOT NULL,
    quantity            INT           NOT NULL,
    points              BIGINT        NOT NULL,
    cash_amount         DECIMAL(12,2) NULL,
    currency            CHAR(3)       NOT NULL,
    price_id            BIGINT        NOT NULL,
    hold_id             BIGINT        NOT NULL,
    pool_account_id     BIGINT        NULL,
    status              VARCHAR(24)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    expires_at          DATETIME(6)   NOT NULL,
    resolved_at         DATETIME(6)   NULL,
    resolved_by         VARCHAR(64)   NULL,
    cancel_reason       VARCHAR(500)  NULL,
    compensation_points BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_catalog_redemption_code UNIQUE (code),
    CONSTRAINT uq_catalog_redemption_request UNIQUE (member_id, request_key),
    KEY ix_catalog_redemption_member (member_id, id),
    KEY ix_catalog_redemption_member_reward (member_id, reward_id, status),
    KEY ix_catalog_redemption_merchant (merchant_id, status, id),
    KEY ix_catalog_redemption_expiry (status, expires_at),
    CONSTRAINT fk_catalog_redemption_reward FOREIGN KEY (reward_id) REFERENCES catalog_reward (id),
    CONSTRAINT ck_catalog_redemption CHECK (quantity > 0 AND points > 0
        AND status IN ('PENDING', 'FULFILLED', 'CANCELLED_BY_MEMBER', 'CANCELLED_BY_MERCHANT', 'EXPIRED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0019-catalog-fulfilment
--comment: Who fulfilled a redemption and under which idempotency key (unique per origin: a till's replay finds its first answer here).
CREATE TABLE catalog_fulfilment (
    redemption_id   BIGINT       NOT NULL,
    origin          VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    fulfilled_at    DATETIME(6)  NOT NULL,
    fulfilled_by    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (redemption_id),
    CONSTRAINT uq_catalog_fulfilment_key UNIQUE (origin, idempotency_key)
) ENGINE = InnoDB;

--changeset evergreen:0019-catalog-cash-payment
--comment: The cash part of a points + cash redemption, paid to the merchant at fulfilment. Money never enters the points ledger. Insert-only.
CREATE TABLE catalog_cash_payment (
    redemption_id BIGINT        NOT NULL,
    merchant_id   BIGINT        NOT NULL,
    amount        DECIMAL(12,2) NOT NULL,
    currency      CHAR(3)       NOT NULL,
    paid_at       DATETIME(6)   NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (redemption_id),
    KEY ix_catalog_cash_payment_merchant (merchant_id, paid_at),
    CONSTRAINT ck_catalog_cash_payment CHECK (amount > 0)
) ENGINE = InnoDB;

--changeset evergreen:0019-catalog-cash-payment-no-update
CREATE TRIGGER catalog_cash_payment_no_update BEFORE UPDATE ON catalog_cash_payment FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'catalog_cash_payment is insert-only';

--changeset evergreen:0019-catalog-cash-payment-no-delete
CREATE TRIGGER catalog_cash_payment_no_delete BEFORE DELETE ON catalog_cash_payment FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'catalog_cash_payment is insert-only';
