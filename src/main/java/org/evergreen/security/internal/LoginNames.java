package org.evergreen.security.internal;

import org.jspecify.annotations.Nullable;

/**
 * The one normalisation of a typed login name, used both to find the account and to count failed logins:
 * if the two differed, a name padded with (for example) an ideographic space would find the account while
 * its failures were counted against nobody, and the lock-out could be bypassed.
 */
final class LoginNames {

    private LoginNames() {
    }

    static String normalize(@Nullable String typed) {
        return typed == null ? "" : typed.strip();
    }
}
