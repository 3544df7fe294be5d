package org.evergreen.shared.validation;

import java.util.Arrays;

/**
 * Bad input refused by a service. Carries a message key (translated by whoever shows it) and the field it
 * concerns, so the caller can put the message next to that field; nothing was changed.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final Object[] arguments;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey + " (" + field + ")");
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String toString() {
        return "InvalidInputException[" + field + ": " + messageKey + " " + Arrays.toString(arguments) + "]";
    }
}
