package org.evergreen.till;

import java.io.IOException;

/** A till's body grew past {@link TillApiPreconditions#MAX_BODY_BYTES} while it was being read (a chunked body has no length up front). */
final class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException() {
        super("request body over " + TillApiPreconditions.MAX_BODY_BYTES + " bytes");
    }
}
