@NullMarked
package org.evergreen.green.ui;

import org.jspecify.annotations.NullMarked;
