@NullMarked
package org.evergreen;

import org.jspecify.annotations.NullMarked;
