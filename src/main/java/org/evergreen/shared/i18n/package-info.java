@NullMarked
package org.evergreen.shared.i18n;

import org.jspecify.annotations.NullMarked;
