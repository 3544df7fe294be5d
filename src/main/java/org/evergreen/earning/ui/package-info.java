@NullMarked
package org.evergreen.earning.ui;

import org.jspecify.annotations.NullMarked;
