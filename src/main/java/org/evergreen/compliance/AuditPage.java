package org.evergreen.compliance;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A page of the audit trail, newest first.
 *
 * @param next the cursor of the following page (give it back with the same filter), or null when this was the last
 */
public record AuditPage(List<AuditEntry> entries, @Nullable Long next) {
}
