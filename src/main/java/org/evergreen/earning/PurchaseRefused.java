package org.evergreen.earning;

/**
 * A purchase or refund the till API refuses; nothing was recorded or posted.
 *
 * @see #code() the stable problem type, e.g. {@code duplicate-receipt}
 */
public class PurchaseRefused extends RuntimeException {

    public enum Kind {
        INVALID, IDEMPOTENCY_KEY_REUSED, MEMBER_NOT_FOUND, PURCHASE_NOT_FOUND, DUPLICATE_RECEIPT, NO_EARNING_RULE, WRONG_STORE
    }

    private final Kind kind;
    private final String code;
    private final String detailKey;

    public PurchaseRefused(Kind kind, String code, String detailKey) {
        super(code + ": " + detailKey);
        this.kind = kind;
        this.code = code;
        this.detailKey = detailKey;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detailKey() {
        return detailKey;
    }
}
