package org.evergreen.green.internal;

import org.evergreen.earning.PurchaseRecorded;
import org.evergreen.earning.PurchaseRefunded;
import org.evergreen.merchant.Region;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the green feature keeps of each purchase and refund, called inside the listener's transaction: it claims the
 * purchase or refund by id (a second delivery finds it claimed and changes nothing) and appends what it adds to the
 * aggregates as a contribution, which {@link AggregateFolder} folds into them in batches. The listener writes no row
 * that another purchase writes too, so concurrent deliveries never wait on one another.
 */
@Repository
public class GreenImpactRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record StoredPurchase(long memberId, long merchantId, long storeId, @Nullable String regionCode, @Nullable String merchantCategory,
                                  LocalDate month, @Nullable LocalDate day, BigDecimal total, BigDecimal amountLeft, long greenPoints,
                                  long greenPointsLeft) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    public GreenImpactRepository(JdbcClient jdbc, @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone, Clock clock) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.clock = clock;
    }

    /** Claims a purchase and appends what it adds, once. */
    public void add(PurchaseRecorded purchase) {
        LocalDate day = LocalDate.ofInstant(purchase.purchasedAt(), zone);
        LocalDate month = day.withDayOfMonth(1);
        String region = purchase.regionCode() == null ? Region.UNPLACED : purchase.regionCode();
        try {
            jdbc.sql("""
                            INSERT INTO green_purchase (purchase_id, member_id, merchant_id, store_id, region_code, merchant_category, month,
                                                        purchased_on, total, amount_left, green_points, green_points_left)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(purchase.purchaseId(), purchase.memberId(), purchase.merchantId(), purchase.storeId(), region,
                            purchase.merchantCategory(), month, day, purchase.total(), purchase.total(), purchase.greenPoints(),
                            purchase.greenPoints())
                    .update();
        } catch (DuplicateKeyException counted) {
            return;
        }
        List<AggregateChange.GreenLine> green = new ArrayList<>();
        for (PurchaseRecorded.Line line : purchase.lines()) {
            if (line.green() && line.greenMethod() != null) {
                green.add(new AggregateChange.GreenLine(line.sku(), line.name(), line.greenMethod(), line.quantity(), line.amount(),
                        line.co2eGrams()));
            }
        }
        contribute(purchase.purchaseId(), null, new AggregateChange(purchase.memberId(), purchase.merchantId(), purchase.storeId(), region,
                purchase.merchantCategory(), month, day, 1, purchase.total(), purchase.points(), purchase.greenPoints(), green));
    }

    /**
     * Claims a refund and appends its share to take back from where its purchase counted, once: its lines' spend and
     * CO₂e, and of the green points the share of the refunded amount (all that is left with the purchase's last refund),
     * as the ledger takes the points back. A refund of a purchase this feature never saw (recorded before it listened)
     * changes nothing.
     */
    public void takeBack(PurchaseRefunded refund) {
        try {
            jdbc.sql("INSERT INTO green_refund (refund_id, purchase_id) VALUES (?, ?)").params(refund.refundId(), refund.purchaseId()).update();
        } catch (DuplicateKeyException counted) {
            return;
        }
        StoredPurchase purchase = jdbc.sql("""
                        SELECT member_id, merchant_id, store_id, region_code, merchant_category, month, purchased_on, total, amount_left,
                               green_points, green_points_left
                        FROM green_purchase WHERE purchase_id = ? FOR UPDATE""")
                .param(refund.purchaseId())
                .query((rs, n) -> new StoredPurchase(rs.getLong("member_id"), rs.getLong("merchant_id"), rs.getLong("store_id"),
                        rs.getString("region_code"), rs.getString("merchant_category"), rs.getObject("month", LocalDate.class),
                        rs.getObject("purchased_on", LocalDate.class), rs.getBigDecimal("total"), rs.getBigDecimal("amount_left"),
                        rs.getLong("green_points"), rs.getLong("green_points_left")))
                .optional().orElse(null);
        if (purchase == null) {
            return;
        }
        BigDecimal amount = BigDecimal.ZERO;
        List<AggregateChange.GreenLine> green = new ArrayList<>();
        // A purchase counted before the methods (no day kept) took its green part from the till's flag: so does its refund.
        boolean countedByTillFlag = purchase.day() == null;
        for (PurchaseRefunded.Line line : refund.lines()) {
            amount = amount.add(line.amount());
            if (line.green() && (line.greenMethod() != null || countedByTillFlag)) {
                green.add(new AggregateChange.GreenLine(line.sku(), "", line.greenMethod() == null ? "" : line.greenMethod(), -line.quantity(),
                        line.amount().negate(), -line.co2eGrams()));
            }
        }
        BigDecimal amountLeft = purchase.amountLeft().subtract(amount);
        long greenPoints = amountLeft.signum() == 0 ? purchase.greenPointsLeft()
                : Math.min(purchase.greenPointsLeft(), BigDecimal.valueOf(purchase.greenPoints()).multiply(amount)
                .divide(purchase.total(), 0, RoundingMode.FLOOR).longValueExact());
        jdbc.sql("UPDATE green_purchase SET amount_left = ?, green_points_left = green_points_left - ? WHERE purchase_id = ?")
                .params(amountLeft, greenPoints, refund.purchaseId()).update();
        contribute(refund.purchaseId(), refund.refundId(), new AggregateChange(purchase.memberId(), purchase.merchantId(), purchase.storeId(),
                purchase.regionCode() == null ? Region.UNPLACED : purchase.regionCode(), purchase.merchantCategory(), purchase.month(),
                purchase.day(), amountLeft.signum() == 0 ? -1 : 0, amount.negate(), -refund.pointsClawedBack() - refund.platformPointsReversed(),
                -greenPoints, green));
    }

    private void contribute(long purchaseId, @Nullable Long refundId, AggregateChange change) {
        jdbc.sql("INSERT INTO green_contribution (purchase_id, refund_id, change_json, created_at) VALUES (?, ?, ?, ?)")
                .params(purchaseId, refundId, JSON.writeValueAsString(change), UtcTimes.toColumn(clock.instant()))
                .update();
    }

    static AggregateChange read(String json) {
        return JSON.readValue(json, AggregateChange.class);
    }
}
