@NullMarked
package org.evergreen.shared.ui;

import org.jspecify.annotations.NullMarked;
