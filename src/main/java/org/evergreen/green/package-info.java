/**
 * Green consumption: what members' purchases achieved, added up from the purchase events as they happen (never by
 * scanning purchases on a page view), for members' impact reports, merchants' green analytics and regional monitoring.
 */
@NullMarked
package org.evergreen.green;

import org.jspecify.annotations.NullMarked;
