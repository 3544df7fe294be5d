--liquibase formatted sql

--changeset evergreen:0037-merchant-application-owner-login
--comment: The sign-in name the approval created for the applicant's owner, which the status page tells the applicant (never the password).
ALTER TABLE merchant_application ADD COLUMN owner_username VARCHAR(64) NULL AFTER merchant_id;
