@NullMarked
package org.evergreen.shared.validation;

import org.jspecify.annotations.NullMarked;
