@NullMarked
package org.evergreen.catalog;

import org.jspecify.annotations.NullMarked;
