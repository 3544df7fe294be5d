@NullMarked
package org.evergreen.member.ui;

import org.jspecify.annotations.NullMarked;
