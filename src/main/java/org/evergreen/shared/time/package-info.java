@NullMarked
package org.evergreen.shared.time;

import org.jspecify.annotations.NullMarked;
