@NullMarked
package org.evergreen.security.ui;

import org.jspecify.annotations.NullMarked;
