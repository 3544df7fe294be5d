--liquibase formatted sql

--changeset evergreen:0030-merchant-store-region
--comment: The store's district by its GB/T 2260 code (merchant/gbt2260-districts.csv), chosen from the list when the store is opened or corrected; NULL for a store not placed yet.
ALTER TABLE merchant_store ADD COLUMN region_code CHAR(6) CHARACTER SET ascii NULL AFTER address;

--changeset evergreen:0030-green-purchase-region
--comment: Where the purchase was made (the store's district then) and the merchant's category, so that a refund takes its share back from the same district and category.
ALTER TABLE green_purchase ADD COLUMN region_code CHAR(6) CHARACTER SET ascii NULL AFTER store_id,
    ADD COLUMN merchant_category VARCHAR(20) NULL AFTER region_code;

--changeset evergreen:0030-green-region-day
--comment: A district's purchases per day (Beijing time) and merchant category, net of refunds: what was spent, the points issued, the green part and its CO2e. The regional dashboard sums these rows.
CREATE TABLE green_region_day (
    region_code       CHAR(6)       CHARACTER SET ascii NOT NULL,
    day               DATE          NOT NULL,
    merchant_category VARCHAR(20)   NOT NULL,
    purchases         INT           NOT NULL,
    spend             DECIMAL(14,2) NOT NULL,
    green_spend       DECIMAL(14,2) NOT NULL,
    points            BIGINT        NOT NULL,
    green_points      BIGINT        NOT NULL,
    co2e_grams        BIGINT        NOT NULL,
    PRIMARY KEY (region_code, day, merchant_category),
    KEY ix_green_region_day_day (day)
) ENGINE=InnoDB;

--changeset evergreen:0030-green-region-member-month
--comment: The members who bought in a district in a month: the dashboard's active members are counted here (a refund does not make a member inactive).
CREATE TABLE green_region_member_month (
    region_code CHAR(6) CHARACTER SET ascii NOT NULL,
    month       DATE    NOT NULL,
    member_id   BIGINT  NOT NULL,
    PRIMARY KEY (region_code, month, member_id)
) ENGINE=InnoDB;
