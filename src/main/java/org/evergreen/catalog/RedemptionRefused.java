package org.evergreen.catalog;

/**
 * A redemption, fulfilment or cancellation was refused and nothing changed. {@code code} is stable for the API
 * (its problem type); the message key is translated for people.
 */
public class RedemptionRefused extends RuntimeException {

    public enum Kind {
        NOT_FOUND("redemption-not-found"),
        NOT_AVAILABLE("reward-not-available"),
        OUT_OF_STOCK("reward-out-of-stock"),
        LIMIT_REACHED("reward-limit-reached"),
        INSUFFICIENT_POINTS("insufficient-points"),
        NO_CASH_OPTION("no-cash-option"),
        NO_POOL("no-pool"),
        INVALID_QUANTITY("invalid-quantity"),
        ALREADY_FULFILLED("redemption-already-fulfilled"),
        CANCELLED("redemption-cancelled"),
        EXPIRED("redemption-expired"),
        IDEMPOTENCY_KEY_REUSED("idempotency-key-reused");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public RedemptionRefused(Kind kind) {
        super(kind.code());
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return kind.code();
    }

    public String messageKey() {
        return "redemption.refused." + kind.name();
    }
}
