--liquibase formatted sql

--changeset evergreen:0026-shared-event-publication
--comment: Spring Modulith's event publication registry (its lean MariaDB schema, v1, under the name it expects: v2's status columns cost every delivery an update and a commit): one row per event and listener, written in the publishing transaction, deleted once the listener completed; a row left behind is a delivery to retry. The event is MEDIUMTEXT, not Modulith's VARCHAR(4000): a purchase of 200 lines is larger.
CREATE TABLE EVENT_PUBLICATION (
    ID                     VARCHAR(36)  NOT NULL,
    LISTENER_ID            VARCHAR(512) NOT NULL,
    EVENT_TYPE             VARCHAR(512) NOT NULL,
    SERIALIZED_EVENT       MEDIUMTEXT   NOT NULL,
    PUBLICATION_DATE       TIMESTAMP(6) NOT NULL,
    COMPLETION_DATE        TIMESTAMP(6) NULL DEFAULT NULL,
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE=InnoDB;
