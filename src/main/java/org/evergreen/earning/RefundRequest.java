package org.evergreen.earning;

import java.util.List;

/**
 * What a till refunds: the whole purchase ({@code full}), or some quantity of some lines, named by SKU.
 */
public record RefundRequest(boolean full, List<Line> lines) {

    public RefundRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(String sku, int quantity) {
    }
}
