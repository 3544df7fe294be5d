@NullMarked
package org.evergreen.demo;

import org.jspecify.annotations.NullMarked;
