--liquibase formatted sql

--changeset evergreen:0028-green-method
--comment: The published methods of the green methodology registry: a kind of green consumption, what it is measured against (per unit bought, or per yuan spent), in both languages. Insert-only: a method's factors change by new versions, never here.
CREATE TABLE green_method (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    code           VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    basis          VARCHAR(8)    NOT NULL,
    name_zh        VARCHAR(100)  NOT NULL,
    name_en        VARCHAR(100)  NOT NULL,
    description_zh VARCHAR(1000) NOT NULL,
    description_en VARCHAR(1000) NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_green_method_code (code),
    CONSTRAINT ck_green_method_basis CHECK (basis IN ('UNIT', 'YUAN'))
) ENGINE=InnoDB;

--changeset evergreen:0028-green-method-match
--comment: What a purchase line must carry to fall under a method: its category (as tills send it, lower case) or its SKU (a GTIN is unique worldwide). Each category and SKU belongs to one method at most.
CREATE TABLE green_method_match (
    kind      VARCHAR(8)  NOT NULL,
    value     VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    method_id BIGINT      NOT NULL,
    PRIMARY KEY (kind, value),
    KEY ix_green_method_match_method (method_id),
    CONSTRAINT fk_green_method_match_method FOREIGN KEY (method_id) REFERENCES green_method (id),
    CONSTRAINT ck_green_method_match_kind CHECK (kind IN ('CATEGORY', 'SKU'))
) ENGINE=InnoDB;

--changeset evergreen:0028-green-factor-version
--comment: A method's factor, version by version: grams of CO2e avoided per unit or per yuan against the stated baseline, its source, and when it applies (UTC). A version applies from valid_from until the next version's valid_from or its own valid_until. Insert-only: a purchase line names the version its CO2e was computed with.
CREATE TABLE green_factor_version (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    method_id        BIGINT         NOT NULL,
    version          INT            NOT NULL,
    grams_per_basis  DECIMAL(14,3)  NOT NULL,
    baseline_zh      VARCHAR(500)   NOT NULL,
    baseline_en      VARCHAR(500)   NOT NULL,
    source           VARCHAR(500)   NOT NULL,
    valid_from       DATETIME(6)    NOT NULL,
    valid_until      DATETIME(6)    NULL,
    published_at     DATETIME(6)    NOT NULL,
    published_by     VARCHAR(100)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_green_factor_version (method_id, version),
    CONSTRAINT fk_green_factor_version_method FOREIGN KEY (method_id) REFERENCES green_method (id),
    CONSTRAINT ck_green_factor_version_grams CHECK (grams_per_basis >= 0)
) ENGINE=InnoDB;

--changeset evergreen:0028-green-method-no-update
CREATE TRIGGER green_method_no_update BEFORE UPDATE ON green_method FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'green_method is insert-only: publish a new factor version instead';

--changeset evergreen:0028-green-method-no-delete
CREATE TRIGGER green_method_no_delete BEFORE DELETE ON green_method FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'green_method is insert-only: publish a new factor version instead';

--changeset evergreen:0028-green-factor-version-no-update
CREATE TRIGGER green_factor_version_no_update BEFORE UPDATE ON green_factor_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'green_factor_version is insert-only: publish a new version instead';

--changeset evergreen:0028-green-factor-version-no-delete
CREATE TRIGGER green_factor_version_no_delete BEFORE DELETE ON green_factor_version FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'green_factor_version is insert-only: publish a new version instead';

--changeset evergreen:0028-earning-purchase-line-green-factor
--comment: From here on a line is green when a published method covers it, and co2e_grams is the platform's figure for the whole line, computed with this method's factor version (lines recorded before keep the till's flag and figure, and no method).
ALTER TABLE earning_purchase_line ADD COLUMN green_method VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER co2e_grams,
    ADD COLUMN green_factor_id BIGINT NULL AFTER green_method;

--changeset evergreen:0028-green-member-year-method
--comment: A member's green consumption per calendar year (Asia/Shanghai) and method, net of refunds, for the report's breakdown by category.
CREATE TABLE green_member_year_method (
    member_id   BIGINT        NOT NULL,
    year        SMALLINT      NOT NULL,
    method_code VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    green_spend DECIMAL(14,2) NOT NULL,
    co2e_grams  BIGINT        NOT NULL,
    PRIMARY KEY (member_id, year, method_code)
) ENGINE=InnoDB;

--changeset evergreen:0028-green-member-year-merchant
--comment: A member's consumption and its green part per calendar year and merchant, net of refunds, for the report's breakdown by merchant.
CREATE TABLE green_member_year_merchant (
    member_id    BIGINT        NOT NULL,
    year         SMALLINT      NOT NULL,
    merchant_id  BIGINT        NOT NULL,
    spend        DECIMAL(14,2) NOT NULL,
    green_spend  DECIMAL(14,2) NOT NULL,
    green_points BIGINT        NOT NULL,
    co2e_grams   BIGINT        NOT NULL,
    PRIMARY KEY (member_id, year, merchant_id)
) ENGINE=InnoDB;
