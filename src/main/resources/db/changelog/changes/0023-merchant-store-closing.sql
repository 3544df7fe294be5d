--liquibase formatted sql

--changeset evergreen:0023-merchant-store-closing
--comment: A merchant's owner closes a store that no longer trades; the row stays, for the purchases made there.
ALTER TABLE merchant_store ADD COLUMN closed_at DATETIME(6) NULL;
