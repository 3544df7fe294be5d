--liquibase formatted sql

--changeset evergreen:0016-earning-purchase-request-hash
--comment: What each request asked for: a reused idempotency key with a different request is refused, not replayed.
ALTER TABLE earning_purchase ADD COLUMN request_hash CHAR(64) NOT NULL DEFAULT '' AFTER idempotency_key;

--changeset evergreen:0016-earning-refund-request-hash
ALTER TABLE earning_refund ADD COLUMN request_hash CHAR(64) NOT NULL DEFAULT '' AFTER idempotency_key;

--changeset evergreen:0016-earning-line-sku-binary
--comment: SKUs match byte for byte, as the refund lines do.
ALTER TABLE earning_purchase_line MODIFY sku VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
