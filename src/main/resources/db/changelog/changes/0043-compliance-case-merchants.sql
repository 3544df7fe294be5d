--liquibase formatted sql

--changeset evergreen:0043-compliance-case-merchant
--comment: The merchants whose issuance a case's entries came from: a regulator limited to districts sees the cases of the merchants with a store there.
CREATE TABLE compliance_case_merchant (
    case_id     BIGINT NOT NULL,
    merchant_id BIGINT NOT NULL,
    PRIMARY KEY (case_id, merchant_id),
    KEY ix_compliance_case_merchant (merchant_id, case_id),
    CONSTRAINT fk_compliance_case_merchant_case FOREIGN KEY (case_id) REFERENCES compliance_case (id)
) ENGINE = InnoDB;

--changeset evergreen:0043-compliance-case-merchant-backfill
--comment: Cases opened before this table existed, from the entries they name.
INSERT INTO compliance_case_merchant (case_id, merchant_id)
SELECT DISTINCT c.id, a.owner_id
FROM compliance_case c
JOIN ledger_posting p ON FIND_IN_SET(p.entry_id, c.entry_ids) > 0
JOIN ledger_account a ON a.id = p.account_id AND a.type = 'MERCHANT_ISSUANCE';
