package org.evergreen.earning;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Decides whether a purchase line is green, and what CO₂e it avoids, by the published method in force when the
 * purchase was made; the till's own {@code green} flag and figure do not decide. The green feature implements it:
 * earning asks through this interface so that it depends on no feature that reads its events.
 */
public interface GreenLineClassifier {

    /** The method and factor version that cover this line at that time, with the line's CO₂e; null if none does. */
    @Nullable GreenLine classify(String sku, String category, int quantity, BigDecimal amount, Instant purchasedAt);

    /** The published name of a method in the reader's language (its code, for a code the registry does not know). */
    String methodName(String methodCode, Locale locale);

    /**
     * A line that a published method covers.
     *
     * @param factorId  the factor version the CO₂e was computed with, recorded on the line
     * @param co2eGrams the CO₂e the whole line avoids, in grams (rounded down)
     */
    record GreenLine(String methodCode, long factorId, int factorVersion, long co2eGrams) {
    }
}
