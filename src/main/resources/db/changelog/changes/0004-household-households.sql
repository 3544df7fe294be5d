--liquibase formatted sql

--changeset evergreen:0004-household-household
--comment: A family that pools points; the leaving rule is agreed at creation.
CREATE TABLE household_household (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    name           VARCHAR(64) NOT NULL,
    head_member_id BIGINT      NOT NULL,
    leaving_rule   VARCHAR(32) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_household_leaving_rule CHECK (leaving_rule IN ('RETURN_OWN_CONTRIBUTIONS', 'LEAVE_IN_POOL'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

--changeset evergreen:0004-household-membership
--comment: A member belongs to at most one household, hence the member id as primary key.
CREATE TABLE household_membership (
    member_id    BIGINT      NOT NULL,
    household_id BIGINT      NOT NULL,
    joined_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id),
    KEY ix_household_membership_household (household_id),
    CONSTRAINT fk_household_membership_household FOREIGN KEY (household_id) REFERENCES household_household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
