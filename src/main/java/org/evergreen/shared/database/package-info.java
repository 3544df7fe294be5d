@NullMarked
package org.evergreen.shared.database;

import org.jspecify.annotations.NullMarked;
