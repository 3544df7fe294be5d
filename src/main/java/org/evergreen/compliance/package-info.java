@NullMarked
package org.evergreen.compliance;

import org.jspecify.annotations.NullMarked;
