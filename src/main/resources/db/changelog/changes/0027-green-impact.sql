--liquibase formatted sql

--changeset evergreen:0027-green-purchase
--comment: What the green feature knows of each recorded purchase, from the PurchaseRecorded event (one row per purchase: a second delivery of the event finds it and changes nothing). amount_left and green_points_left shrink with refunds.
CREATE TABLE green_purchase (
    purchase_id       BIGINT        NOT NULL,
    member_id         BIGINT        NOT NULL,
    merchant_id       BIGINT        NOT NULL,
    store_id          BIGINT        NOT NULL,
    month             DATE          NOT NULL,
    total             DECIMAL(12,2) NOT NULL,
    amount_left       DECIMAL(12,2) NOT NULL,
    green_points      BIGINT        NOT NULL,
    green_points_left BIGINT        NOT NULL,
    PRIMARY KEY (purchase_id),
    KEY ix_green_purchase_member_month (member_id, month)
) ENGINE=InnoDB;

--changeset evergreen:0027-green-refund
--comment: The refunds already taken into account (a second delivery of a PurchaseRefunded event finds its row and changes nothing).
CREATE TABLE green_refund (
    refund_id   BIGINT NOT NULL,
    purchase_id BIGINT NOT NULL,
    PRIMARY KEY (refund_id)
) ENGINE=InnoDB;

--changeset evergreen:0027-green-member-month
--comment: A member's consumption and its green part per month of purchase (Asia/Shanghai by default), net of refunds, kept up to date from the events: the member's report reads these rows, never the purchases.
CREATE TABLE green_member_month (
    member_id   BIGINT        NOT NULL,
    month       DATE          NOT NULL,
    purchases   INT           NOT NULL,
    spend       DECIMAL(14,2) NOT NULL,
    green_spend DECIMAL(14,2) NOT NULL,
    green_points BIGINT       NOT NULL,
    co2e_grams  BIGINT        NOT NULL,
    PRIMARY KEY (member_id, month)
) ENGINE=InnoDB;
