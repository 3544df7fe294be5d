@NullMarked
package org.evergreen.security;

import org.jspecify.annotations.NullMarked;
