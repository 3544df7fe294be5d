package org.evergreen.catalog.internal;

import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.RedemptionStatus;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code catalog_redemption}, {@code catalog_fulfilment} and {@code catalog_cash_payment} tables. */
@Repository
public class RedemptionRepository {

    public record NewRedemption(String code, long memberId, long rewardId, long merchantId, String requestKey, int quantity,
                                long points, @Nullable BigDecimal cashAmount, String currency, long priceId, long holdId,
                                @Nullable Long poolAccountId, Instant createdAt, Instant expiresAt) {
    }

    /** A redemption with the hold behind it. */
    public record StoredRedemption(Redemption redemption, long holdId, @Nullable Long poolAccountId) {
    }

    public record Fulfilment(long redemptionId, Instant fulfilledAt) {
    }

    private static final String SELECT = "SELECT d.id, d.code, d.member_id, d.reward_id, d.merchant_id, r.name_zh, r.name_en,"
            + " d.quantity, d.points, d.cash_amount, d.currency, d.status, d.created_at, d.expires_at, d.resolved_at,"
            + " d.cancel_reason, d.compensation_points, d.hold_id, d.pool_account_id"
            + " FROM catalog_redemption d JOIN catalog_reward r ON r.id = d.reward_id";

    private final JdbcClient jdbc;

    public RedemptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewRedemption redemption) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalog_redemption (code, member_id, reward_id, merchant_id, request_key, quantity, points,"
                        + " cash_amount, currency, price_id, hold_id, pool_account_id, status, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(redemption.code(), redemption.memberId(), redemption.rewardId(), redemption.merchantId(),
                        redemption.requestKey(), redemption.quantity(), redemption.points(), redemption.cashAmount(),
                        redemption.currency(), redemption.priceId(), redemption.holdId(), redemption.poolAccountId(),
                        UtcTimes.toColumn(redemption.createdAt()),
                        UtcTimes.toColumn(redemption.expiresAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<StoredRedemption> find(long redemptionId) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(redemptionId).query(RedemptionRepository::map).optional();
    }

    public Optional<StoredRedemption> byCode(String code) {
        return jdbc.sql(SELECT + " WHERE d.code = ?").param(code).query(RedemptionRepository::map).optional();
    }

    public Optional<StoredRedemption> byRequestKey(long memberId, String requestKey) {
        return jdbc.sql(SELECT + " WHERE d.member_id = ? AND d.request_key = ?").params(memberId, requestKey)
                .query(RedemptionRepository::map).optional();
    }

    public List<Redemption> ofMember(long memberId, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE d.member_id = ? ORDER BY d.id DESC LIMIT ? OFFSET ?").params(memberId, limit, offset)
                .query(RedemptionRepository::map).list().stream().map(StoredRedemption::redemption).toList();
    }

    public long countOfMember(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_redemption WHERE member_id = ?").param(memberId).query(Long.class).single();
    }

    /** A merchant's redemptions in one status, newest first. */
    public List<Redemption> ofMerchant(long merchantId, RedemptionStatus status, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE d.merchant_id = ? AND d.status = ? ORDER BY d.id DESC LIMIT ? OFFSET ?")
                .params(merchantId, status.name(), limit, offset)
                .query(RedemptionRepository::map).list().stream().map(StoredRedemption::redemption).toList();
    }

    public long countOfMerchant(long merchantId, RedemptionStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_redemption WHERE merchant_id = ? AND status = ?")
                .params(merchantId, status.name()).query(Long.class).single();
    }

    /** How many of a reward the member holds or has received: what the per-member limit counts. */
    public long takenBy(long memberId, long rewardId) {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM catalog_redemption WHERE member_id = ? AND reward_id = ?"
                        + " AND status IN ('PENDING', 'FULFILLED')")
                .params(memberId, rewardId).query(Long.class).single();
    }

    /**
     * Moves a pending redemption to its outcome; false when it was no longer pending (resolved meanwhile, here or
     * on another node), which makes every resolution happen once.
     */
    public boolean resolve(long redemptionId, RedemptionStatus outcome, Instant now, String by, @Nullable String cancelReason,
                           @Nullable Long compensationPoints) {
        return jdbc.sql("UPDATE catalog_redemption SET status = ?, resolved_at = ?, resolved_by = ?, cancel_reason = ?,"
                        + " compensation_points = ? WHERE id = ? AND status = 'PENDING'")
                .params(outcome.name(), UtcTimes.toColumn(now), by, cancelReason, compensationPoints, redemptionId).update() == 1;
    }

    /** Pending redemptions whose time ran out by {@code now}, a batch at a time in id order after {@code afterId}. */
    public List<Long> expiredPending(Instant now, long afterId, int limit) {
        return jdbc.sql("SELECT id FROM catalog_redemption WHERE status = 'PENDING' AND expires_at <= ? AND id > ? ORDER BY id LIMIT ?")
                .params(UtcTimes.toColumn(now), afterId, limit).query(Long.class).list();
    }

    public void insertFulfilment(long redemptionId, String origin, String idempotencyKey, Instant now, String by) {
        jdbc.sql("INSERT INTO catalog_fulfilment (redemption_id, origin, idempotency_key, fulfilled_at, fulfilled_by)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(redemptionId, origin, idempotencyKey, UtcTimes.toColumn(now), by).update();
    }

    public Optional<Fulfilment> fulfilmentByKey(String origin, String idempotencyKey) {
        return jdbc.sql("SELECT redemption_id, fulfilled_at FROM catalog_fulfilment WHERE origin = ? AND idempotency_key = ?")
                .params(origin, idempotencyKey)
                .query((rs, row) -> new Fulfilment(rs.getLong("redemption_id"), RewardRepository.instant(rs, "fulfilled_at")))
                .optional();
    }

    public void insertCashPayment(long redemptionId, long merchantId, BigDecimal amount, String currency, Instant now, String by) {
        jdbc.sql("INSERT INTO catalog_cash_payment (redemption_id, merchant_id, amount, currency, paid_at, recorded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(redemptionId, merchantId, amount, currency, UtcTimes.toColumn(now), by).update();
    }

    private static StoredRedemption map(ResultSet rs, int row) throws SQLException {
        return new StoredRedemption(new Redemption(rs.getLong("id"), rs.getString("code"), rs.getLong("member_id"),
                rs.getLong("reward_id"), rs.getLong("merchant_id"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getInt("quantity"), rs.getLong("points"), rs.getBigDecimal("cash_amount"), rs.getString("currency"),
                RedemptionStatus.valueOf(rs.getString("status")), RewardRepository.instant(rs, "created_at"),
                RewardRepository.instant(rs, "expires_at"), RewardRepository.nullableInstant(rs, "resolved_at"),
                rs.getString("cancel_reason"), RewardRepository.nullableLong(rs, "compensation_points"),
                rs.getObject("pool_account_id") != null),
                rs.getLong("hold_id"), RewardRepository.nullableLong(rs, "pool_account_id"));
    }
}
