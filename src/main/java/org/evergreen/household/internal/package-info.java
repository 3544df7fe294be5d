@NullMarked
package org.evergreen.household.internal;

import org.jspecify.annotations.NullMarked;
