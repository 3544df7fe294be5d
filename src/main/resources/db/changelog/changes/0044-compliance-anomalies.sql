--liquibase formatted sql

--changeset evergreen:0044-compliance-monitor-setting
--comment: An admin's thresholds for one anomaly monitor; a monitor without a row runs with the defaults in code.
CREATE TABLE compliance_monitor_setting (
    monitor        VARCHAR(24)   NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    threshold      INT           NOT NULL,
    window_minutes INT           NOT NULL,
    amount         DECIMAL(12, 2) NULL,
    percent        INT           NULL,
    updated_by     BIGINT        NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (monitor)
) ENGINE = InnoDB;

--changeset evergreen:0044-compliance-finding
--comment: What a monitor found, once per subject (the unique key makes a scan on every node, or a scan again, find it once); an admin reviews it: dismissed with a note, or turned into a case. Never a deduction by itself.
CREATE TABLE compliance_finding (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    monitor       VARCHAR(24)   NOT NULL,
    subject_key   VARCHAR(120)  NOT NULL,
    merchant_id   BIGINT        NULL,
    store_id      BIGINT        NULL,
    observed_from DATETIME(6)   NOT NULL,
    observed_to   DATETIME(6)   NOT NULL,
    observed      BIGINT        NOT NULL,
    detail        VARCHAR(200)  NOT NULL,
    subjects      VARCHAR(2000) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    detected_at   DATETIME(6)   NOT NULL,
    reviewed_by   BIGINT        NULL,
    reviewed_at   DATETIME(6)   NULL,
    review_note   VARCHAR(1000) NULL,
    case_id       BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_compliance_finding_subject UNIQUE (monitor, subject_key),
    KEY ix_compliance_finding_status (status, id),
    KEY ix_compliance_finding_merchant (merchant_id, id),
    CONSTRAINT ck_compliance_finding_status CHECK (status IN ('NEW', 'DISMISSED', 'CASE_OPENED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0044-household-gift-recipient
--comment: The gift monitor reads the gifts into one account over a window.
CREATE INDEX ix_household_gift_recipient ON household_gift (given_at, to_member);
