/** The points ledger. It depends on no feature (only the shared kernel and security): features call it, never the other way round. */
@ApplicationModule(allowedDependencies = {"shared", "security"})
@NullMarked
package org.evergreen.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
