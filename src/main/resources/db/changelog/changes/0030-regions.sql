--liquibase formatted sql

--changeset evergreen:0030-merchant-store-region
--comment: The store's district by its GB/T 2260 code (merchant/gbt2260-districts.csv), chosen from the list when the store is opened or corrected; NULL for a store not placed yet.
ALTER TABLE merchant_store ADD COLUMN region_code CHAR(6) CHARACTER SET ascii NULL AFTER address;

--changeset evergreen:0030-green-purchase-region
--comment: Where the purchase was made (the store's district then) and the merchant's category, so that a refund takes its share back from the same district and category.
ALTER TABLE green_purchase ADD COLUMN region_code CHAR(6) CHARACTER SET ascii NULL AFTER store_id,
    ADD COLUMN merchant_category VARCHAR(20) NULL AFTER region_code;

--changeset evergreen:0030-green-region-month
--comment: A district's purchases per month (Beijing time) and merchant category, net of refunds: what was spent, the points issued, the green part and its CO2e. The regional dashboard sums these rows: 12 months of 50 districts and 7 categories are 4,200.
CREATE TABLE green_region_month (
    region_code       CHAR(6)       CHARACTER SET ascii NOT NULL,
    month             DATE          NOT NULL,
    merchant_category VARCHAR(20)   NOT NULL,
    purchases         INT           NOT NULL,
    spend             DECIMAL(14,2) NOT NULL,
    green_spend       DECIMAL(14,2) NOT NULL,
    points            BIGINT        NOT NULL,
    green_points      BIGINT        NOT NULL,
    co2e_grams        BIGINT        NOT NULL,
    PRIMARY KEY (region_code, month, merchant_category),
    KEY ix_green_region_month_month (month)
) ENGINE=InnoDB;

--changeset evergreen:0030-green-region-member-month
--comment: The members who bought in a district in a month, each once (a refund does not make a member inactive); a member's first row of a district and month counts them in green_region_active.
CREATE TABLE green_region_member_month (
    region_code CHAR(6) CHARACTER SET ascii NOT NULL,
    month       DATE    NOT NULL,
    member_id   BIGINT  NOT NULL,
    PRIMARY KEY (region_code, month, member_id)
) ENGINE=InnoDB;

--changeset evergreen:0030-green-region-active
--comment: How many members bought in a district in a month, counted as green_region_member_month gains rows, so that the dashboard never counts members.
CREATE TABLE green_region_active (
    region_code CHAR(6) CHARACTER SET ascii NOT NULL,
    month       DATE    NOT NULL,
    members     INT     NOT NULL,
    PRIMARY KEY (region_code, month),
    KEY ix_green_region_active_month (month)
) ENGINE=InnoDB;

--changeset evergreen:0030-green-member-active-month
--comment: The members who bought anywhere in a month, each once; a member's first row of a month counts them in green_month_active.
CREATE TABLE green_member_active_month (
    month     DATE   NOT NULL,
    member_id BIGINT NOT NULL,
    PRIMARY KEY (month, member_id)
) ENGINE=InnoDB;

--changeset evergreen:0030-green-month-active
--comment: How many members bought anywhere in a month (a member who bought in two districts counts once here).
CREATE TABLE green_month_active (
    month   DATE NOT NULL,
    members INT  NOT NULL,
    PRIMARY KEY (month)
) ENGINE=InnoDB;
