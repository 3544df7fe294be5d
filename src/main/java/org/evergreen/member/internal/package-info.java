@NullMarked
package org.evergreen.member.internal;

import org.jspecify.annotations.NullMarked;
