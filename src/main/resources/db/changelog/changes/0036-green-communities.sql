--liquibase formatted sql

--changeset evergreen:0036-green-community
--comment: Opt-in communities (a school, a residential community, a company) that admins open; members join them with consent.
CREATE TABLE green_community (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    kind       VARCHAR(12)  NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_green_community_kind CHECK (kind IN ('SCHOOL', 'RESIDENTIAL', 'COMPANY'))
) ENGINE=InnoDB;

--changeset evergreen:0036-green-community-member
--comment: A member who joined a community, having agreed that the community sees their figures added up with the others'; alias is the name they chose to appear under on its leaderboard (NULL: they do not appear). Leaving deletes the row, and with it the consent.
CREATE TABLE green_community_member (
    community_id BIGINT      NOT NULL,
    member_id    BIGINT      NOT NULL,
    alias        VARCHAR(40) NULL,
    joined_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (community_id, member_id),
    KEY ix_green_community_member_member (member_id),
    CONSTRAINT fk_green_community_member_community FOREIGN KEY (community_id) REFERENCES green_community (id)
) ENGINE=InnoDB;
