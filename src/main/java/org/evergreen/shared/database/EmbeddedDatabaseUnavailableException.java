package org.evergreen.shared.database;

/**
 * The embedded MariaDB cannot start for a reason the person starting Evergreen can fix; {@link #action()} says how.
 * Spring Boot prints both as its start-up failure report ({@link EmbeddedDatabaseFailureAnalyzer}).
 */
public final class EmbeddedDatabaseUnavailableException extends RuntimeException {

    private final String action;

    EmbeddedDatabaseUnavailableException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
