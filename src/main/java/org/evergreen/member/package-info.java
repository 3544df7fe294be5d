@NullMarked
package org.evergreen.member;

import org.jspecify.annotations.NullMarked;
