@NullMarked
package org.evergreen.earning;

import org.jspecify.annotations.NullMarked;
