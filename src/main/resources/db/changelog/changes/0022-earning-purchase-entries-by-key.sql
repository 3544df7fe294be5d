--liquibase formatted sql

--changeset evergreen:0022-earning-purchase-entries-by-key
--comment: A purchase's earn entries are found by the keys they were posted under (origin merchant:<id> with the purchase's idempotency key; the platform's bonus under purchase:<id>), and name the purchase in their reference; the copies of their ids on the purchase cost every purchase an UPDATE. Refused unless every copy agrees with the keys.
--preconditions onFail:HALT onError:HALT
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM earning_purchase p LEFT JOIN ledger_entry m ON m.origin = CONCAT('merchant:', p.merchant_id) AND m.idempotency_key = p.idempotency_key LEFT JOIN ledger_entry b ON b.origin = 'platform:promotion' AND b.idempotency_key = CONCAT('purchase:', p.id) WHERE NOT (p.ledger_entry_id <=> m.id) OR NOT (p.platform_entry_id <=> b.id)
ALTER TABLE earning_purchase DROP COLUMN ledger_entry_id, DROP COLUMN platform_entry_id;
