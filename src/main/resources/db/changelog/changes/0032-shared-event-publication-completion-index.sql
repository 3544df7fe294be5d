--liquibase formatted sql

--changeset evergreen:0032-shared-event-publication-by-listener-and-event
--comment: Modulith completes a delivery by deleting its row found by listener and serialized event. Without an index every completion scanned the whole table, locking each row it read, so listeners and the purchases inserting publications queued behind one another (bench/run green: 50 events/s counted, 3,000 of 7,500 not within a minute). A prefix is enough: the serialized event starts with the purchase's or refund's id.
CREATE INDEX EVENT_PUBLICATION_BY_LISTENER_AND_EVENT_IDX ON EVENT_PUBLICATION (LISTENER_ID(200), SERIALIZED_EVENT(300));
