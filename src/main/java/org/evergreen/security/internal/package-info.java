@NullMarked
package org.evergreen.security.internal;

import org.jspecify.annotations.NullMarked;
