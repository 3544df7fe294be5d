--liquibase formatted sql

--changeset evergreen:0042-security-user-region
--comment: The districts (GB/T 2260) a regulator account is limited to; a regulator without rows supervises the whole coalition.
CREATE TABLE security_user_region (
    user_id     BIGINT  NOT NULL,
    region_code CHAR(6) CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (user_id, region_code),
    CONSTRAINT fk_security_user_region_user FOREIGN KEY (user_id) REFERENCES security_user (id)
) ENGINE = InnoDB;
