--liquibase formatted sql

--changeset evergreen:0010-security-user-merchant-role
--comment: Merchant staff are owners (manage stores and staff) or cashiers.
ALTER TABLE security_user ADD COLUMN merchant_role VARCHAR(16) NULL AFTER merchant_id;

--changeset evergreen:0010-security-user-merchant-role-existing
--comment: Every merchant login created before this change was a merchant's first, owning login.
UPDATE security_user SET merchant_role = 'OWNER' WHERE role = 'MERCHANT';

--changeset evergreen:0010-security-user-merchant-role-check
ALTER TABLE security_user ADD CONSTRAINT ck_security_user_merchant_role
    CHECK ((role = 'MERCHANT') = (merchant_role IS NOT NULL) AND (merchant_role IS NULL OR merchant_role IN ('OWNER', 'CASHIER')));
