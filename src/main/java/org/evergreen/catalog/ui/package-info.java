@NullMarked
package org.evergreen.catalog.ui;

import org.jspecify.annotations.NullMarked;
