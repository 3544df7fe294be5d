@NullMarked
package org.evergreen.household;

import org.jspecify.annotations.NullMarked;
