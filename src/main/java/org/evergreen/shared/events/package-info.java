@NullMarked
package org.evergreen.shared.events;

import org.jspecify.annotations.NullMarked;
