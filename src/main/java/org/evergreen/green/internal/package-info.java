@NullMarked
package org.evergreen.green.internal;

import org.jspecify.annotations.NullMarked;
