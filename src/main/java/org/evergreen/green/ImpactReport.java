package org.evergreen.green;

import org.evergreen.merchant.PublicMerchant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * A member's environmental-impact report for one calendar year (Beijing time), net of refunds: the year's figures against
 * the year before and all time, month by month, and by method and merchant. Built from the aggregates the events keep,
 * never from the purchases.
 *
 * @param years the years the member has figures for, newest first
 */
public record ImpactReport(int year, Figures thisYear, Figures lastYear, Figures allTime, List<MonthFigures> months,
                           List<MethodFigures> byMethod, List<MerchantFigures> byMerchant, List<Integer> years) {

    /** Spend, its green part and what it achieved. */
    public record Figures(int purchases, BigDecimal spend, BigDecimal greenSpend, long greenPoints, long co2eGrams) {

        public static final Figures NONE = new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

        public Figures plus(Figures other) {
            return new Figures(purchases + other.purchases, spend.add(other.spend), greenSpend.add(other.greenSpend),
                    greenPoints + other.greenPoints, co2eGrams + other.co2eGrams);
        }

        /** The green share of spending in percent, one decimal; zero without spending. */
        public BigDecimal greenSharePercent() {
            return spend.signum() <= 0 ? BigDecimal.ZERO.setScale(1)
                    : greenSpend.multiply(BigDecimal.valueOf(100)).divide(spend, 1, RoundingMode.HALF_UP);
        }
    }

    public record MonthFigures(YearMonth month, Figures figures) {
    }

    /** One method's part of the year: the green spend under it and the CO₂e. */
    public record MethodFigures(GreenMethod method, BigDecimal greenSpend, long co2eGrams) {
    }

    public record MerchantFigures(PublicMerchant merchant, BigDecimal spend, BigDecimal greenSpend, long greenPoints, long co2eGrams) {

        public BigDecimal greenSharePercent() {
            return new Figures(0, spend, greenSpend, greenPoints, co2eGrams).greenSharePercent();
        }
    }

    /** The change from last year in percent, rounded to a whole number; null when last year had none. */
    public static Long changePercent(long thisYear, long lastYear) {
        return lastYear == 0 ? null : Math.round((thisYear - lastYear) * 100.0 / lastYear);
    }
}
