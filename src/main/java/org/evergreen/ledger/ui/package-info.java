@NullMarked
package org.evergreen.ledger.ui;

import org.jspecify.annotations.NullMarked;
