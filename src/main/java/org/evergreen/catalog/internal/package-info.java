@NullMarked
package org.evergreen.catalog.internal;

import org.jspecify.annotations.NullMarked;
