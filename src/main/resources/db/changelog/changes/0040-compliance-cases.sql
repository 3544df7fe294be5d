--liquibase formatted sql

--changeset evergreen:0040-compliance-case
--comment: A case against a member's points: nobody freezes or deducts them without one. Its state changes only forward (opened, frozen, then released or deducted), each change guarded by the state it leaves, so two admins cannot both decide it.
CREATE TABLE compliance_case (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    reference         VARCHAR(24)   NOT NULL,
    member_id         BIGINT        NOT NULL,
    merchant_id       BIGINT        NULL,
    behaviour         VARCHAR(24)   NOT NULL,
    summary           VARCHAR(2000) NOT NULL,
    entry_ids         VARCHAR(1000) NOT NULL,
    points            BIGINT        NOT NULL,
    appeal_days       INT           NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    opened_by         BIGINT        NOT NULL,
    opened_at         DATETIME(6)   NOT NULL,
    frozen_by         BIGINT        NULL,
    frozen_at         DATETIME(6)   NULL,
    appeal_until      DATETIME(6)   NULL,
    decide_by         DATETIME(6)   NULL,
    decided_by        BIGINT        NULL,
    decided_at        DATETIME(6)   NULL,
    decision_reason   VARCHAR(2000) NULL,
    deducted_points   BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_compliance_case_reference UNIQUE (reference),
    KEY ix_compliance_case_member (member_id, id),
    KEY ix_compliance_case_status (status, decide_by),
    CONSTRAINT ck_compliance_case CHECK (points > 0 AND appeal_days BETWEEN 1 AND 90
        AND status IN ('OPENED', 'FROZEN', 'RELEASED', 'DEDUCTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0040-compliance-case-evidence
--comment: Evidence of a case and the member's appeal: notes and files, each file stored with its SHA-256. Insert-only.
CREATE TABLE compliance_case_evidence (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    case_id      BIGINT        NOT NULL,
    party        VARCHAR(8)    NOT NULL,
    note         VARCHAR(2000) NULL,
    file_name    VARCHAR(200)  NULL,
    content_type VARCHAR(100)  NULL,
    content      MEDIUMBLOB    NULL,
    sha256       CHAR(64)      NULL,
    added_by     BIGINT        NOT NULL,
    added_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_compliance_case_evidence_case (case_id, id),
    CONSTRAINT fk_compliance_case_evidence FOREIGN KEY (case_id) REFERENCES compliance_case (id),
    CONSTRAINT ck_compliance_case_evidence CHECK (party IN ('CASE', 'APPEAL') AND (note IS NOT NULL OR content IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0040-compliance-case-event
--comment: A case's timeline, for the regulator and the member: what happened, when, by whom. Insert-only.
CREATE TABLE compliance_case_event (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    case_id  BIGINT        NOT NULL,
    at       DATETIME(6)   NOT NULL,
    actor_id BIGINT        NOT NULL,
    event    VARCHAR(24)   NOT NULL,
    detail   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_compliance_case_event_case (case_id, id),
    CONSTRAINT fk_compliance_case_event FOREIGN KEY (case_id) REFERENCES compliance_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0040-compliance-case-evidence-no-update
CREATE TRIGGER compliance_case_evidence_no_update BEFORE UPDATE ON compliance_case_evidence FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'compliance_case_evidence is insert-only';

--changeset evergreen:0040-compliance-case-evidence-no-delete
CREATE TRIGGER compliance_case_evidence_no_delete BEFORE DELETE ON compliance_case_evidence FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'compliance_case_evidence is insert-only';

--changeset evergreen:0040-compliance-case-event-no-update
CREATE TRIGGER compliance_case_event_no_update BEFORE UPDATE ON compliance_case_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'compliance_case_event is insert-only';

--changeset evergreen:0040-compliance-case-event-no-delete
CREATE TRIGGER compliance_case_event_no_delete BEFORE DELETE ON compliance_case_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'compliance_case_event is insert-only';
