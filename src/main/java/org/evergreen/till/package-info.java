/**
 * The till API ({@code /api/v1}): merchants' tills report purchases and refunds, read members' points and fulfil
 * redemptions with their store's key. Its controllers call the features' services; its one error boundary answers every
 * refusal under {@code /api/} as an RFC 9457 problem, decided before anything is recorded.
 */
@NullMarked
package org.evergreen.till;

import org.jspecify.annotations.NullMarked;
