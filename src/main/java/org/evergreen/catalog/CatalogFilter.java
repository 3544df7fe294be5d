package org.evergreen.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a member looks for in the catalog.
 *
 * @param text           part of the name, in either language; null or blank: any
 * @param affordableOnly only rewards the member's available points pay for now (points price or points of the cash option)
 */
public record CatalogFilter(@Nullable String text, @Nullable String category, @Nullable Long merchantId, boolean affordableOnly,
                            boolean greenOnly, CatalogSort sort) {

    public static final CatalogFilter ALL = new CatalogFilter(null, null, null, false, false, CatalogSort.NEWEST);

    public enum CatalogSort {
        NEWEST, POINTS_ASCENDING, POINTS_DESCENDING
    }
}
