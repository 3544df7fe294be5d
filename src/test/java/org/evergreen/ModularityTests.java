package org.evergreen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features reach each other only through their public API; the ledger depends on no feature (shared and security only); no cycles. */
class ModularityTests {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(EvergreenApplication.class).verify();
    }
}
