--liquibase formatted sql

--changeset evergreen:0038-earning-policy-point-value-from-catalog
--comment: One point value: the bonus cap now reads the catalog's published value (announced with notice) at the purchase's time; yuan_per_point keeps what older policy rows recorded and new rows leave it empty.
ALTER TABLE earning_policy MODIFY yuan_per_point DECIMAL(10, 4) NULL;
