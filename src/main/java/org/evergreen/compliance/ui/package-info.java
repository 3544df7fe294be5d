@NullMarked
package org.evergreen.compliance.ui;

import org.jspecify.annotations.NullMarked;
