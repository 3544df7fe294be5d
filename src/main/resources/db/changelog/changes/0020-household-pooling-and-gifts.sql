--liquibase formatted sql

--changeset evergreen:0020-household-dissolved
--comment: A dissolved household keeps its row and history; nobody belongs to it any more.
ALTER TABLE household_household ADD COLUMN dissolved_at DATETIME(6) NULL;

--changeset evergreen:0020-household-membership-rights
--comment: Members the head authorises may redeem with the pool's points; consented_at records the explicit consent to the pooling terms (the platform's own households predate it).
ALTER TABLE household_membership ADD COLUMN can_redeem BOOLEAN NOT NULL DEFAULT FALSE, ADD COLUMN consented_at DATETIME(6) NULL;

--changeset evergreen:0020-household-invitation
--comment: A one-time invitation by code (or the link that carries it); it expires, and is accepted or declined once.
CREATE TABLE household_invitation (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    household_id BIGINT      NOT NULL,
    code         CHAR(12)    NOT NULL,
    invited_by   BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    answered_by  BIGINT      NULL,
    answered_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_household_invitation_code UNIQUE (code),
    KEY ix_household_invitation_household (household_id, id),
    CONSTRAINT fk_household_invitation_household FOREIGN KEY (household_id) REFERENCES household_household (id),
    CONSTRAINT ck_household_invitation_status CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED'))
) ENGINE = InnoDB;

--changeset evergreen:0020-household-contribution
--comment: What each member put into the pool and is still theirs: pooling adds, a leave's return takes out, and every point spent from the pool is charged to the members in proportion to these amounts.
CREATE TABLE household_contribution (
    household_id BIGINT NOT NULL,
    member_id    BIGINT NOT NULL,
    unspent      BIGINT NOT NULL,
    PRIMARY KEY (household_id, member_id),
    CONSTRAINT ck_household_contribution CHECK (unspent >= 0)
) ENGINE = InnoDB;

--changeset evergreen:0020-household-sweep
--comment: A member's standing rule: this share of every purchase's points goes into the household pool as it is earned.
CREATE TABLE household_sweep (
    member_id    BIGINT      NOT NULL,
    household_id BIGINT      NOT NULL,
    percent      INT         NOT NULL,
    set_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT ck_household_sweep CHECK (percent BETWEEN 1 AND 100)
) ENGINE = InnoDB;

--changeset evergreen:0020-household-gift
--comment: Points given to another member of the same household (the ledger entry holds the movement); the limits count these rows.
CREATE TABLE household_gift (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    household_id BIGINT      NOT NULL,
    from_member  BIGINT      NOT NULL,
    to_member    BIGINT      NOT NULL,
    points       BIGINT      NOT NULL,
    entry_id     BIGINT      NOT NULL,
    given_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_household_gift_sender (from_member, given_at),
    CONSTRAINT ck_household_gift CHECK (points > 0)
) ENGINE = InnoDB;

--changeset evergreen:0020-household-gift-limit
--comment: The admin's limits on gifts per member and day or month (Asia/Shanghai calendar), insert-only: the latest applies.
CREATE TABLE household_gift_limit (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    daily_limit   BIGINT      NOT NULL,
    monthly_limit BIGINT      NOT NULL,
    set_at        DATETIME(6) NOT NULL,
    set_by        VARCHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_household_gift_limit CHECK (daily_limit > 0 AND monthly_limit >= daily_limit)
) ENGINE = InnoDB;

--changeset evergreen:0020-household-event
--comment: Everything that happened to a household, insert-only: created, invited, joined, declined, left, removed, head handed over, rights, sweep rules, dissolved; points movements are in the ledger.
CREATE TABLE household_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    household_id BIGINT        NOT NULL,
    member_id    BIGINT        NULL,
    kind         VARCHAR(24)   NOT NULL,
    actor_id     BIGINT        NOT NULL,
    points       BIGINT        NULL,
    at           DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_household_event_household (household_id, id)
) ENGINE = InnoDB;

--changeset evergreen:0020-household-event-no-update
CREATE TRIGGER household_event_no_update BEFORE UPDATE ON household_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'household_event is insert-only';

--changeset evergreen:0020-household-event-no-delete
CREATE TRIGGER household_event_no_delete BEFORE DELETE ON household_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'household_event is insert-only';
