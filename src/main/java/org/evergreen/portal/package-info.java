@NullMarked
package org.evergreen.portal;

import org.jspecify.annotations.NullMarked;
