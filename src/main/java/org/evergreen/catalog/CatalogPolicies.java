package org.evergreen.catalog;

import org.evergreen.catalog.internal.CatalogPolicyRepository;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The value guarantee and the compensation rule. The admin publishes what a point is worth and a floor that no
 * reward's price may value it below; a new value applies only after the notice period, so what members earned
 * keeps its value until the announced date. Until the first announcement the configured defaults apply.
 */
@Service
public class CatalogPolicies {

    private static final BigDecimal MAX_YUAN_PER_POINT = new BigDecimal("10");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final CatalogPolicyRepository policies;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;
    private final PointValue defaultValue;
    private final Duration notice;
    private final BigDecimal defaultCompensationPercent;

    CatalogPolicies(CatalogPolicyRepository policies, CurrentUser currentUser, ActionLog actionLog, Clock clock,
                    @Value("${evergreen.catalog.yuan-per-point:0.01}") BigDecimal yuanPerPoint,
                    @Value("${evergreen.catalog.floor-per-point:0.005}") BigDecimal floorPerPoint,
                    @Value("${evergreen.catalog.value-change-notice:30d}") Duration notice,
                    @Value("${evergreen.catalog.compensation-percent:10}") BigDecimal compensationPercent) {
        this.policies = policies;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
        this.defaultValue = new PointValue(yuanPerPoint, floorPerPoint, Instant.EPOCH, Instant.EPOCH);
        this.notice = notice;
        this.defaultCompensationPercent = compensationPercent;
    }

    /** The published value of a point now: public. */
    public PointValue currentValue() {
        return valueAt(clock.instant());
    }

    public PointValue valueAt(Instant moment) {
        return policies.valueAt(moment).orElse(defaultValue);
    }

    /** Announced changes that have not taken effect yet, soonest first: shown to every member. */
    public List<PointValue> upcomingValues() {
        return policies.announcedAfter(clock.instant());
    }

    /** How long before a new value applies it must be announced. */
    public Duration notice() {
        return notice;
    }

    /** Announces a new point value and floor that apply from {@code effectiveFrom}, at least the notice period away. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void announceValue(@Nullable BigDecimal yuanPerPoint, @Nullable BigDecimal floorPerPoint, @Nullable Instant effectiveFrom) {
        requireRate("yuanPerPoint", yuanPerPoint);
        requireRate("floorPerPoint", floorPerPoint);
        if (floorPerPoint.compareTo(yuanPerPoint) > 0) {
            throw new InvalidInputException("floorPerPoint", "catalog.value.floorAboveValue");
        }
        Instant now = clock.instant();
        if (effectiveFrom == null || effectiveFrom.isBefore(now.plus(notice))) {
            throw new InvalidInputException("effectiveFrom", "catalog.value.noticeTooShort", notice.toDays());
        }
        policies.announce(new PointValue(yuanPerPoint, floorPerPoint, effectiveFrom, now), "user:" + currentUser.require().id());
        actionLog.record("pointValue.announced", "platform", "¥" + yuanPerPoint.toPlainString() + " per point, floor ¥"
                + floorPerPoint.toPlainString() + ", from " + effectiveFrom);
    }

    private static void requireRate(String field, @Nullable BigDecimal rate) {
        if (rate == null || rate.signum() <= 0 || rate.compareTo(MAX_YUAN_PER_POINT) > 0 || rate.stripTrailingZeros().scale() > 6) {
            throw new InvalidInputException(field, "catalog.value.invalid", MAX_YUAN_PER_POINT);
        }
    }

    /** Share of a redemption's points a member receives when the merchant cancels it. */
    public BigDecimal compensationPercent() {
        return policies.compensation().orElse(defaultCompensationPercent);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setCompensationPercent(@Nullable BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("compensationPercent", "catalog.compensation.invalid");
        }
        policies.setCompensation(percent, clock.instant(), "user:" + currentUser.require().id());
        actionLog.record("compensation.percent", "platform", percent.toPlainString() + "%");
    }

    /** Points a member is compensated with for a cancelled redemption of {@code points}, rounded down. */
    long compensationFor(long points) {
        return BigDecimal.valueOf(points).multiply(compensationPercent()).divide(HUNDRED, 0, RoundingMode.DOWN).longValue();
    }

    /**
     * Refuses a price that values a point below the floor now or below any floor already announced: the reward's
     * value less the cash part, divided by the points, must reach the floor.
     */
    void checkPrice(String field, BigDecimal retailValue, long points, @Nullable BigDecimal cash) {
        List<PointValue> floors = new ArrayList<>(upcomingValues());
        floors.add(currentValue());
        BigDecimal floor = floors.stream().map(PointValue::floorPerPoint).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal pointsPart = cash == null ? retailValue : retailValue.subtract(cash);
        BigDecimal maxPoints = pointsPart.divide(floor, 0, RoundingMode.DOWN);
        if (pointsPart.signum() <= 0 || BigDecimal.valueOf(points).compareTo(maxPoints) > 0) {
            BigDecimal implied = pointsPart.signum() <= 0 ? BigDecimal.ZERO : pointsPart.divide(BigDecimal.valueOf(points), 4, RoundingMode.DOWN);
            throw new InvalidInputException(field, "catalog.price.belowFloor", points, DisplayFormats.plain(pointsPart),
                    DisplayFormats.plain(implied), DisplayFormats.plain(floor), Math.max(0, maxPoints.longValue()));
        }
    }
}
