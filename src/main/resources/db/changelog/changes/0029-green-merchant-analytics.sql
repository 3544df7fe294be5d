--liquibase formatted sql

--changeset evergreen:0029-green-purchase-day
--comment: The day of the purchase (Beijing time), so that a refund takes its share back from the day the purchase counted in. Purchases counted before this column keep NULL, and their refunds leave the merchants' day figures alone.
ALTER TABLE green_purchase ADD COLUMN purchased_on DATE NULL AFTER month;

--changeset evergreen:0029-green-store-day
--comment: A store's sales and their green part per day (Beijing time), net of refunds, kept from the events: the merchant's green analytics sum these rows for weeks and months.
CREATE TABLE green_store_day (
    merchant_id  BIGINT        NOT NULL,
    store_id     BIGINT        NOT NULL,
    day          DATE          NOT NULL,
    purchases    INT           NOT NULL,
    spend        DECIMAL(14,2) NOT NULL,
    green_spend  DECIMAL(14,2) NOT NULL,
    green_points BIGINT        NOT NULL,
    co2e_grams   BIGINT        NOT NULL,
    PRIMARY KEY (merchant_id, store_id, day),
    KEY ix_green_store_day_merchant_day (merchant_id, day)
) ENGINE=InnoDB;

--changeset evergreen:0029-green-store-method-month
--comment: A store's green sales per month and method: units, spend and CO2e, net of refunds.
CREATE TABLE green_store_method_month (
    merchant_id BIGINT        NOT NULL,
    store_id    BIGINT        NOT NULL,
    month       DATE          NOT NULL,
    method_code VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    units       BIGINT        NOT NULL,
    green_spend DECIMAL(14,2) NOT NULL,
    co2e_grams  BIGINT        NOT NULL,
    PRIMARY KEY (merchant_id, store_id, month, method_code),
    KEY ix_green_store_method_month_merchant (merchant_id, month)
) ENGINE=InnoDB;

--changeset evergreen:0029-green-product-month
--comment: A merchant's green products per month: units, spend and CO2e, net of refunds, with the name the till last gave the product; the top green products are read from here.
CREATE TABLE green_product_month (
    merchant_id BIGINT        NOT NULL,
    month       DATE          NOT NULL,
    sku         VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    method_code VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    units       BIGINT        NOT NULL,
    green_spend DECIMAL(14,2) NOT NULL,
    co2e_grams  BIGINT        NOT NULL,
    PRIMARY KEY (merchant_id, month, sku)
) ENGINE=InnoDB;
