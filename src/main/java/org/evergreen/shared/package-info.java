/** Shared kernel: database bootstrap, time, i18n, validation and small UI pieces. Open to every module. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.evergreen.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
