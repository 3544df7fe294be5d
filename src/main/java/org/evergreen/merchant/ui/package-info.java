@NullMarked
package org.evergreen.merchant.ui;

import org.jspecify.annotations.NullMarked;
