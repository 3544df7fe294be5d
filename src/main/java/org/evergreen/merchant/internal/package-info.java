@NullMarked
package org.evergreen.merchant.internal;

import org.jspecify.annotations.NullMarked;
