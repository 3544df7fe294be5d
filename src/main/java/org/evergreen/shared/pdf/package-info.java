/** PDF documents with the font the application carries, so that a report reads the same on any machine. */
@NullMarked
package org.evergreen.shared.pdf;

import org.jspecify.annotations.NullMarked;
