--liquibase formatted sql

--changeset evergreen:0005-ledger-account
--comment: One account per owner and purpose. Member-facing accounts (tracked) keep their balance here, updated with their postings; busy merchant and platform accounts do not (their balance is the sum of their postings).
CREATE TABLE ledger_account (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    type       VARCHAR(32) NOT NULL,
    owner_id   BIGINT      NOT NULL,
    tracked    BOOLEAN     NOT NULL,
    balance    BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ledger_account_owner UNIQUE (type, owner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0005-ledger-entry
--comment: A journal entry: insert-only. The idempotency key is unique per origin; content_hash covers the entry and its postings.
CREATE TABLE ledger_entry (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    kind              VARCHAR(16)  NOT NULL,
    origin            VARCHAR(64)  NOT NULL,
    idempotency_key   VARCHAR(128) NOT NULL,
    actor             VARCHAR(64)  NOT NULL,
    reason            VARCHAR(255) NOT NULL,
    reference         VARCHAR(128) NULL,
    case_reference    VARCHAR(64)  NULL,
    reverses_entry_id BIGINT       NULL,
    created_at        DATETIME(6)  NOT NULL,
    content_hash      CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ledger_entry_idempotency UNIQUE (origin, idempotency_key),
    CONSTRAINT uq_ledger_entry_reverses UNIQUE (reverses_entry_id),
    KEY ix_ledger_entry_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

--changeset evergreen:0005-ledger-posting
--comment: One posting per account and entry; the postings of an entry sum to zero. Insert-only. statement_id groups a member's (or household's) accounts under its wallet (pool) so that their history is one index range.
CREATE TABLE ledger_posting (
    id           BIGINT NOT NULL AUTO_INCREMENT,
    entry_id     BIGINT NOT NULL,
    account_id   BIGINT NOT NULL,
    statement_id BIGINT NULL,
    amount       BIGINT NOT NULL,
    PRIMARY KEY (id),
    KEY ix_ledger_posting_account (account_id, id),
    KEY ix_ledger_posting_statement (statement_id, id),
    KEY ix_ledger_posting_entry (entry_id),
    CONSTRAINT fk_ledger_posting_entry FOREIGN KEY (entry_id) REFERENCES ledger_entry (id),
    CONSTRAINT fk_ledger_posting_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_ledger_posting_nonzero CHECK (amount <> 0)
) ENGINE = InnoDB;

--changeset evergreen:0005-ledger-lot
--comment: Points that arrived together in a tracked account, with an optional expiry. remaining is what is still in the account.
CREATE TABLE ledger_lot (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    account_id     BIGINT      NOT NULL,
    entry_id       BIGINT      NOT NULL,
    amount         BIGINT      NOT NULL,
    remaining      BIGINT      NOT NULL,
    expires_at     DATETIME(6) NULL,
    PRIMARY KEY (id),
    KEY ix_ledger_lot_account_open (account_id, remaining, expires_at),
    KEY ix_ledger_lot_expiry (expires_at, remaining),
    CONSTRAINT fk_ledger_lot_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_ledger_lot_remaining CHECK (remaining >= 0 AND remaining <= amount)
) ENGINE = InnoDB;

--changeset evergreen:0005-ledger-lot-movement
--comment: Which lots a posting drew from or filled. Insert-only; the lots' remaining amounts follow from it.
CREATE TABLE ledger_lot_movement (
    id         BIGINT NOT NULL AUTO_INCREMENT,
    posting_id BIGINT NOT NULL,
    lot_id     BIGINT NOT NULL,
    amount     BIGINT NOT NULL,
    PRIMARY KEY (id),
    KEY ix_ledger_lot_movement_posting (posting_id),
    KEY ix_ledger_lot_movement_lot (lot_id),
    CONSTRAINT fk_ledger_lot_movement_posting FOREIGN KEY (posting_id) REFERENCES ledger_posting (id),
    CONSTRAINT fk_ledger_lot_movement_lot FOREIGN KEY (lot_id) REFERENCES ledger_lot (id)
) ENGINE = InnoDB;

--changeset evergreen:0005-ledger-hold
--comment: A two-phase spend: points held from a tracked account, then captured or released exactly once.
CREATE TABLE ledger_hold (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    hold_entry_id     BIGINT      NOT NULL,
    source_account_id BIGINT      NOT NULL,
    held_account_id   BIGINT      NOT NULL,
    amount            BIGINT      NOT NULL,
    status            VARCHAR(16) NOT NULL,
    expires_at        DATETIME(6) NULL,
    resolved_entry_id BIGINT      NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ledger_hold_entry UNIQUE (hold_entry_id),
    KEY ix_ledger_hold_expiry (status, expires_at),
    CONSTRAINT ck_ledger_hold_status CHECK (status IN ('PENDING', 'CAPTURED', 'RELEASED'))
) ENGINE = InnoDB;

--changeset evergreen:0005-ledger-seal
--comment: Seal n chains seal n-1 and the hashes of the entries it covers (listed in ledger_seal_entry).
CREATE TABLE ledger_seal (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    previous_hash CHAR(64)    NOT NULL,
    seal_hash     CHAR(64)    NOT NULL,
    entry_count   INT         NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

--changeset evergreen:0005-ledger-seal-lock
--comment: One row that sealers on every node lock in turn, so the seal chain never forks.
CREATE TABLE ledger_seal_lock (
    id TINYINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

--changeset evergreen:0005-ledger-seal-lock-row
INSERT INTO ledger_seal_lock (id) VALUES (1);

--changeset evergreen:0005-ledger-seal-entry
--comment: Which seal covers an entry. An entry that commits late is simply covered by a later seal.
CREATE TABLE ledger_seal_entry (
    entry_id BIGINT NOT NULL,
    seal_id  BIGINT NOT NULL,
    PRIMARY KEY (entry_id),
    KEY ix_ledger_seal_entry_seal (seal_id, entry_id)
) ENGINE = InnoDB;

--changeset evergreen:0005-ledger-check-run
--comment: When the invariant and integrity report last ran, and what it found.
CREATE TABLE ledger_check_run (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    started_at      DATETIME(6) NOT NULL,
    finished_at     DATETIME(6) NOT NULL,
    entries_checked BIGINT      NOT NULL,
    violations      INT         NOT NULL,
    report          MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
