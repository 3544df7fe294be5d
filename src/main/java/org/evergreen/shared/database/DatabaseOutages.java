package org.evergreen.shared.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure to reach the database (answered "try again later") from every other failure (a bug, answered as such). */
public final class DatabaseOutages {

    /** What a caller is told to wait before retrying: about as long as a restarted or failed-over database takes. */
    public static final long RETRY_AFTER_SECONDS = 10;

    private DatabaseOutages() {
    }

    /** Whether this failure, or one it was caused by, says the database could not be reached or the connection to it broke. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
