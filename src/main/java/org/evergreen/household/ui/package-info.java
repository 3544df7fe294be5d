@NullMarked
package org.evergreen.household.ui;

import org.jspecify.annotations.NullMarked;
