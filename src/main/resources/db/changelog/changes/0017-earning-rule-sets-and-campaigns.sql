--liquibase formatted sql

--changeset evergreen:0017-earning-rule-set
--comment: A merchant's earning rules, one immutable version per disclosure: base and category rates, per-unit points by tier, tier multipliers, cross-category and green bonuses. A version applies only from its effective time, which is never before it was disclosed.
CREATE TABLE earning_rule_set (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    merchant_id    BIGINT      NOT NULL,
    version        INT         NOT NULL,
    rules          LONGTEXT    NOT NULL,
    disclosed_at   DATETIME(6) NOT NULL,
    effective_from DATETIME(6) NOT NULL,
    disclosed_by   VARCHAR(64) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_earning_rule_set_version UNIQUE (merchant_id, version),
    KEY ix_earning_rule_set_effective (merchant_id, effective_from),
    CONSTRAINT ck_earning_rule_set_disclosed CHECK (effective_from >= disclosed_at),
    CONSTRAINT ck_earning_rule_set_json CHECK (JSON_VALID(rules))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0017-earning-rule-set-from-base-rules
--comment: Every base rate disclosed so far becomes the rule set version of the same number.
INSERT INTO earning_rule_set (merchant_id, version, rules, disclosed_at, effective_from, disclosed_by)
SELECT merchant_id, version,
       JSON_OBJECT('basePointsPerYuan', points_per_yuan, 'categoryRates', JSON_ARRAY(), 'unitRates', JSON_ARRAY(),
                   'silverMultiplier', 1, 'goldMultiplier', 1, 'comboBonuses', JSON_ARRAY(), 'greenPointsPerYuan', 0),
       disclosed_at, effective_from, 'admin'
FROM earning_base_rule;

--changeset evergreen:0017-earning-drop-base-rule
DROP TABLE earning_base_rule;

--changeset evergreen:0017-earning-rule-set-no-update
--comment: A disclosed rule never changes after the fact: a change is a new version.
CREATE TRIGGER earning_rule_set_no_update BEFORE UPDATE ON earning_rule_set FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_rule_set is insert-only: disclose a new version instead';

--changeset evergreen:0017-earning-rule-set-no-delete
CREATE TRIGGER earning_rule_set_no_delete BEFORE DELETE ON earning_rule_set FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_rule_set is insert-only: disclose a new version instead';

--changeset evergreen:0017-earning-campaign
--comment: A campaign with its time window, target categories and tiers; merchant_id NULL is a platform campaign (the sign-up bonus). Disclosed before it starts, never edited.
CREATE TABLE earning_campaign (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    merchant_id   BIGINT         NULL,
    kind          VARCHAR(16)    NOT NULL,
    name_zh       VARCHAR(100)   NOT NULL,
    name_en       VARCHAR(100)   NOT NULL,
    multiplier    DECIMAL(4, 2)  NULL,
    bonus_points  BIGINT         NULL,
    categories    VARCHAR(1400)  NOT NULL,
    tiers         VARCHAR(32)    NOT NULL,
    starts_at     DATETIME(6)    NOT NULL,
    ends_at       DATETIME(6)    NOT NULL,
    disclosed_at  DATETIME(6)    NOT NULL,
    disclosed_by  VARCHAR(64)    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_earning_campaign_merchant (merchant_id, starts_at),
    CONSTRAINT ck_earning_campaign_kind CHECK (kind IN ('MULTIPLIER', 'FIXED_BONUS', 'FIRST_PURCHASE', 'SIGN_UP')),
    CONSTRAINT ck_earning_campaign_window CHECK (starts_at >= disclosed_at AND ends_at > starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0017-earning-campaign-no-update
CREATE TRIGGER earning_campaign_no_update BEFORE UPDATE ON earning_campaign FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_campaign is insert-only: disclosed campaigns never change';

--changeset evergreen:0017-earning-campaign-no-delete
CREATE TRIGGER earning_campaign_no_delete BEFORE DELETE ON earning_campaign FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'earning_campaign is insert-only: disclosed campaigns never change';

--changeset evergreen:0017-earning-policy
--comment: The platform's limits on earning, versioned: a bonus never exceeds this share of the purchase value, at this value of a point.
CREATE TABLE earning_policy (
    id                BIGINT         NOT NULL AUTO_INCREMENT,
    bonus_cap_percent DECIMAL(5, 2)  NOT NULL,
    yuan_per_point    DECIMAL(10, 4) NOT NULL,
    effective_from    DATETIME(6)    NOT NULL,
    set_by            VARCHAR(64)    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_earning_policy_effective (effective_from),
    CONSTRAINT ck_earning_policy_values CHECK (bonus_cap_percent >= 0 AND bonus_cap_percent <= 100 AND yuan_per_point > 0)
) ENGINE = InnoDB;

--changeset evergreen:0017-earning-purchase-tier
--comment: The member's tier when they bought, and the points a platform campaign added (posted from the platform's promotion account).
ALTER TABLE earning_purchase
    ADD COLUMN tier VARCHAR(16) NOT NULL DEFAULT 'ORDINARY' AFTER rule_version,
    ADD COLUMN platform_points BIGINT NOT NULL DEFAULT 0 AFTER points,
    ADD COLUMN platform_entry_id BIGINT NULL AFTER ledger_entry_id;

--changeset evergreen:0017-earning-purchase-member-time
--comment: The rolling 12-month qualifying spend of a member, and whether a purchase is their first at a merchant.
CREATE INDEX ix_earning_purchase_member_time ON earning_purchase (member_id, purchased_at, merchant_id);

--changeset evergreen:0017-earning-purchase-time
--comment: Finds the members whose purchases leave the 12-month window, for the nightly tier review.
CREATE INDEX ix_earning_purchase_time ON earning_purchase (purchased_at);

--changeset evergreen:0017-earning-purchase-line-co2e
--comment: The CO2e a green item avoids, in grams for the whole line, as the till reported it.
ALTER TABLE earning_purchase_line ADD COLUMN co2e_grams BIGINT NULL AFTER green;

--changeset evergreen:0017-earning-purchase-rule
--comment: Which rule of which version (or which campaign) produced how many of a purchase's points.
CREATE TABLE earning_purchase_rule (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    purchase_id      BIGINT      NOT NULL,
    rule             VARCHAR(16) NOT NULL,
    detail           VARCHAR(200) NOT NULL,
    rule_set_version INT         NULL,
    campaign_id      BIGINT      NULL,
    points           BIGINT      NOT NULL,
    platform_funded  BOOLEAN     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_earning_purchase_rule_purchase (purchase_id),
    KEY ix_earning_purchase_rule_campaign (campaign_id),
    CONSTRAINT fk_earning_purchase_rule FOREIGN KEY (purchase_id) REFERENCES earning_purchase (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0017-earning-member-activity
--comment: How many purchases each member has made in the coalition. Each purchase locks its member's row first, so that "first purchase" bonuses are decided one purchase at a time.
CREATE TABLE earning_member_activity (
    member_id BIGINT NOT NULL,
    purchases BIGINT NOT NULL,
    PRIMARY KEY (member_id)
) ENGINE = InnoDB;

--changeset evergreen:0017-earning-member-activity-backfill
INSERT INTO earning_member_activity (member_id, purchases)
SELECT member_id, COUNT(*) FROM earning_purchase GROUP BY member_id;
