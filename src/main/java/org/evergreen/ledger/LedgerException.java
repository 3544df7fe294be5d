package org.evergreen.ledger;

/**
 * A ledger operation was refused and nothing was written. The message key is translated for people;
 * the reason code is stable for APIs.
 */
public class LedgerException extends RuntimeException {

    public enum Reason {
        INSUFFICIENT_POINTS, HOLD_NOT_PENDING, UNKNOWN_HOLD, UNKNOWN_ENTRY, ALREADY_REVERSED, NOT_REVERSIBLE,
        CASE_REQUIRED, INVALID_ENTRY, IDEMPOTENCY_CONFLICT
    }

    private final Reason reason;

    public LedgerException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "ledger.error." + reason.name();
    }
}
