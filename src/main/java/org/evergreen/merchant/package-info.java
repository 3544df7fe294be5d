@NullMarked
package org.evergreen.merchant;

import org.jspecify.annotations.NullMarked;
