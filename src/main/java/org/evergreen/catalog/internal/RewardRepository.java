package org.evergreen.catalog.internal;

import org.evergreen.catalog.CatalogFilter;
import org.evergreen.catalog.MerchantReward;
import org.evergreen.catalog.PriceChange;
import org.evergreen.catalog.RewardKind;
import org.evergreen.catalog.RewardPrice;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code catalog_reward} and {@code catalog_price} tables. */
@Repository
public class RewardRepository {

    /** A reward row with the price that applies at the moment asked for (a running campaign's beats the regular one). */
    public record StoredReward(long id, long merchantId, RewardKind kind, String category, String nameZh, String nameEn,
                               String descriptionZh, String descriptionEn, BigDecimal retailValue, String currency,
                               RewardPrice price, long regularPoints, long priceId, @Nullable Long stockLeft, long redeemed,
                               @Nullable Integer perMemberLimit, int redeemWithinDays, Instant availableFrom,
                               @Nullable Instant availableUntil, boolean green, boolean listed, @Nullable Long imageId,
                               int images) {

        public boolean availableAt(Instant moment) {
            return new Offering(merchantId, listed, availableFrom, availableUntil).availableAt(moment);
        }
    }

    /** Whose a reward is and when it is offered: enough to decide who may see it. */
    public record Offering(long merchantId, boolean listed, Instant availableFrom, @Nullable Instant availableUntil) {

        public boolean availableAt(Instant moment) {
            return listed && !availableFrom.isAfter(moment) && (availableUntil == null || availableUntil.isAfter(moment));
        }
    }

    public record NewReward(long merchantId, RewardKind kind, String category, String nameZh, String nameEn, String descriptionZh,
                            String descriptionEn, BigDecimal retailValue, long pointsPrice, @Nullable Long cashOptionPoints,
                            @Nullable BigDecimal cashOptionAmount, @Nullable Long stock, @Nullable Integer perMemberLimit,
                            int redeemWithinDays, Instant availableFrom, @Nullable Instant availableUntil, boolean green) {
    }

    /**
     * Columns of a reward with its price at the moment bound twice (campaign window start and end). The campaign
     * subquery reads only campaign prices still running, through their (kind, ends_at) index.
     */
    private static final String SELECT = "SELECT r.id, r.merchant_id, r.kind, r.category, r.name_zh, r.name_en,"
            + " r.description_zh, r.description_en, r.retail_value, r.currency, r.points_price, r.cash_option_points,"
            + " r.cash_option_amount, r.stock_left, r.redeemed, r.per_member_limit, r.redeem_within_days, r.available_from,"
            + " r.available_until, r.green, r.listed, c.points AS campaign_points, c.price_id AS campaign_price_id,"
            + " (SELECT MAX(p.id) FROM catalog_price p WHERE p.reward_id = r.id AND p.kind = 'REGULAR') AS regular_price_id,"
            + " (SELECT MIN(i.id) FROM catalog_reward_image i WHERE i.reward_id = r.id) AS image_id,"
            + " (SELECT COUNT(*) FROM catalog_reward_image i WHERE i.reward_id = r.id) AS images"
            + " FROM catalog_reward r LEFT JOIN (SELECT reward_id, MIN(points) AS points, MIN(id) AS price_id FROM catalog_price"
            + " WHERE kind = 'CAMPAIGN' AND ends_at > ? AND starts_at <= ? GROUP BY reward_id) c ON c.reward_id = r.id";

    private static final int SEARCH_CANDIDATES = 2_000;

    private final JdbcClient jdbc;

    public RewardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewReward reward, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalog_reward (merchant_id, kind, category, name_zh, name_en, description_zh, description_en,"
                        + " retail_value, currency, points_price, cash_option_points, cash_option_amount, stock_left, redeemed,"
                        + " per_member_limit, redeem_within_days, available_from, available_until, green, listed, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, TRUE, ?)")
                .params(reward.merchantId(), reward.kind().name(), reward.category(), reward.nameZh(), reward.nameEn(),
                        reward.descriptionZh(), reward.descriptionEn(), reward.retailValue(), reward.pointsPrice(),
                        reward.cashOptionPoints(), reward.cashOptionAmount(), reward.stock(), reward.perMemberLimit(),
                        reward.redeemWithinDays(), UtcTimes.toColumn(reward.availableFrom()), toColumn(reward.availableUntil()),
                        reward.green(), UtcTimes.toColumn(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Records a regular price from now on and makes it the reward's current one. */
    public void setRegularPrice(long rewardId, long points, @Nullable Long cashOptionPoints, @Nullable BigDecimal cashOptionAmount,
                                Instant now, String recordedBy) {
        insertPrice(rewardId, "REGULAR", points, cashOptionPoints, cashOptionAmount, now, null, now, recordedBy);
        jdbc.sql("UPDATE catalog_reward SET points_price = ?, cash_option_points = ?, cash_option_amount = ? WHERE id = ?")
                .params(points, cashOptionPoints, cashOptionAmount, rewardId).update();
    }

    public void insertCampaignPrice(long rewardId, long points, Instant startsAt, Instant endsAt, Instant now, String recordedBy) {
        insertPrice(rewardId, "CAMPAIGN", points, null, null, startsAt, endsAt, now, recordedBy);
    }

    private void insertPrice(long rewardId, String kind, long points, @Nullable Long cashOptionPoints,
                             @Nullable BigDecimal cashOptionAmount, Instant startsAt, @Nullable Instant endsAt, Instant now,
                             String recordedBy) {
        jdbc.sql("INSERT INTO catalog_price (reward_id, kind, points, cash_option_points, cash_option_amount, starts_at, ends_at,"
                        + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(rewardId, kind, points, cashOptionPoints, cashOptionAmount, UtcTimes.toColumn(startsAt), toColumn(endsAt),
                        UtcTimes.toColumn(now), recordedBy)
                .update();
    }

    public List<PriceChange> priceHistory(long rewardId) {
        return jdbc.sql("SELECT id, kind, points, cash_option_points, cash_option_amount, starts_at, ends_at, recorded_at"
                        + " FROM catalog_price WHERE reward_id = ? ORDER BY id DESC")
                .param(rewardId)
                .query((rs, row) -> new PriceChange(rs.getLong("id"), "CAMPAIGN".equals(rs.getString("kind")), rs.getLong("points"),
                        nullableLong(rs, "cash_option_points"), rs.getBigDecimal("cash_option_amount"),
                        instant(rs, "starts_at"), nullableInstant(rs, "ends_at"), instant(rs, "recorded_at")))
                .list();
    }

    /** Campaign prices of a reward whose window overlaps [startsAt, endsAt). */
    public boolean campaignOverlaps(long rewardId, Instant startsAt, Instant endsAt) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_price WHERE reward_id = ? AND kind = 'CAMPAIGN' AND starts_at < ? AND ends_at > ?")
                .params(rewardId, UtcTimes.toColumn(endsAt), UtcTimes.toColumn(startsAt)).query(Long.class).single() > 0;
    }

    /** Locks the reward's row: its owner's changes (prices, campaign windows, pictures) happen one after another. */
    public void lock(long rewardId) {
        jdbc.sql("SELECT id FROM catalog_reward WHERE id = ? FOR UPDATE").param(rewardId).query(Long.class).optional();
    }

    /** The highest campaign price of the reward that runs or is announced after {@code moment}, if any. */
    public Optional<Long> highestCampaignFrom(long rewardId, Instant moment) {
        return jdbc.sql("SELECT MAX(points) FROM catalog_price WHERE reward_id = ? AND kind = 'CAMPAIGN' AND ends_at > ?")
                .params(rewardId, UtcTimes.toColumn(moment)).query(Long.class).optional();
    }

    public Optional<StoredReward> find(long rewardId, Instant moment) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").params(column(moment), column(moment), rewardId)
                .query(RewardRepository::map).optional();
    }

    /** Whose a reward is and when it is offered, without its prices: what a picture or a price history needs checked. */
    public Optional<Offering> offering(long rewardId) {
        return jdbc.sql("SELECT merchant_id, listed, available_from, available_until FROM catalog_reward WHERE id = ?").param(rewardId)
                .query((rs, row) -> new Offering(rs.getLong("merchant_id"), rs.getBoolean("listed"), instant(rs, "available_from"),
                        nullableInstant(rs, "available_until")))
                .optional();
    }

    /** A merchant's rewards, newest first. */
    public List<MerchantReward> ofMerchant(long merchantId, Instant moment, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE r.merchant_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?")
                .params(column(moment), column(moment), merchantId, limit, offset)
                .query(RewardRepository::map).list().stream().map(RewardRepository::forMerchant).toList();
    }

    public long countOfMerchant(long merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_reward WHERE merchant_id = ?").param(merchantId).query(Long.class).single();
    }

    public void setListed(long rewardId, boolean listed) {
        jdbc.sql("UPDATE catalog_reward SET listed = ? WHERE id = ?").params(listed, rewardId).update();
    }

    /**
     * What a member may redeem at {@code moment} and matches the filter, a page in the filter's order. Sorting by
     * price splits the catalog in two: rewards at their regular price, read in the order of a price index, and the
     * few in a running campaign, read in the order of their campaign price. Each part's first offset + limit rows
     * hold the page, so no query sorts the whole catalog.
     */
    public List<StoredReward> browse(CatalogFilter filter, long availablePoints, Instant moment, int offset, int limit) {
        List<Long> ids = switch (filter.sort()) {
            case NEWEST -> newest(filter, availablePoints, moment, offset, limit);
            case POINTS_ASCENDING -> byPoints(filter, availablePoints, moment, offset, limit, true);
            case POINTS_DESCENDING -> byPoints(filter, availablePoints, moment, offset, limit, false);
        };
        return inOrder(ids, moment);
    }

    public long browseCount(CatalogFilter filter, long availablePoints, Instant moment) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, moment, params);
        if (filter.affordableOnly()) {
            where += affordable(availablePoints, moment, params);
        }
        return jdbc.sql("SELECT COUNT(*) FROM catalog_reward r" + where).params(params).query(Long.class).single();
    }

    private List<Long> newest(CatalogFilter filter, long availablePoints, Instant moment, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, moment, params);
        if (filter.affordableOnly()) {
            where += affordable(availablePoints, moment, params);
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT r.id FROM catalog_reward r" + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?")
                .params(params).query(Long.class).list();
    }

    private record Ranked(long id, long points) {
    }

    private List<Long> byPoints(CatalogFilter filter, long availablePoints, Instant moment, int offset, int limit, boolean ascending) {
        String direction = ascending ? "" : " DESC";
        int needed = offset + limit;
        // One WHERE (and one name search) for both queries.
        List<Object> filterParams = new ArrayList<>();
        String where = where(filter, moment, filterParams);
        List<Object> regularParams = new ArrayList<>(filterParams);
        String regular = "SELECT r.id, r.points_price AS points FROM catalog_reward r" + where
                + " AND NOT EXISTS (SELECT 1 FROM catalog_price p WHERE p.reward_id = r.id AND p.kind = 'CAMPAIGN' AND p.ends_at > ?"
                + " AND p.starts_at <= ?)";
        regularParams.add(column(moment));
        regularParams.add(column(moment));
        if (filter.affordableOnly()) {
            regular += " AND (r.points_price <= ? OR r.cash_option_points <= ?)";
            regularParams.add(availablePoints);
            regularParams.add(availablePoints);
        }
        regularParams.add(needed);
        List<Object> campaignParams = new ArrayList<>(List.of(column(moment), column(moment)));
        campaignParams.addAll(filterParams);
        String campaign = "SELECT r.id, p.points FROM catalog_price p JOIN catalog_reward r ON r.id = p.reward_id"
                + where.replaceFirst(" WHERE ", " WHERE p.kind = 'CAMPAIGN' AND p.ends_at > ? AND p.starts_at <= ? AND ");
        if (filter.affordableOnly()) {
            campaign += " AND (p.points <= ? OR r.cash_option_points <= ?)";
            campaignParams.add(availablePoints);
            campaignParams.add(availablePoints);
        }
        campaignParams.add(needed);
        Comparator<Ranked> order = Comparator.comparingLong(Ranked::points).thenComparingLong(Ranked::id);
        List<Ranked> ranked = new ArrayList<>();
        ranked.addAll(jdbc.sql(regular + " ORDER BY r.points_price" + direction + ", r.id" + direction + " LIMIT ?").params(regularParams)
                .query((rs, row) -> new Ranked(rs.getLong("id"), rs.getLong("points"))).list());
        ranked.addAll(jdbc.sql(campaign + " ORDER BY p.points" + direction + ", r.id" + direction + " LIMIT ?").params(campaignParams)
                .query((rs, row) -> new Ranked(rs.getLong("id"), rs.getLong("points"))).list());
        ranked.sort(ascending ? order : order.reversed());
        return ranked.stream().map(Ranked::id).distinct().skip(offset).limit(limit).toList();
    }

    /** The rewards with these ids, in this order. */
    private List<StoredReward> inOrder(List<Long> ids, Instant moment) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(column(moment), column(moment)));
        params.addAll(ids);
        Map<Long, StoredReward> found = jdbc.sql(SELECT + " WHERE r.id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")
                .params(params).query(RewardRepository::map).list().stream()
                .collect(Collectors.toMap(StoredReward::id, reward -> reward));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Affordable: the regular price, a running campaign's price or the points of the cash option are within the member's points. */
    private static String affordable(long availablePoints, Instant moment, List<Object> params) {
        params.addAll(List.of(availablePoints, availablePoints, column(moment), column(moment), availablePoints));
        return " AND (r.points_price <= ? OR r.cash_option_points <= ? OR EXISTS (SELECT 1 FROM catalog_price p WHERE p.reward_id = r.id"
                + " AND p.kind = 'CAMPAIGN' AND p.ends_at > ? AND p.starts_at <= ? AND p.points <= ?))";
    }

    /**
     * Ids of rewards whose names contain the pattern, read from the narrow search index (a substring search must scan,
     * and the index is a fraction of the rows); one more than {@value #SEARCH_CANDIDATES} means "too many to list".
     */
    private List<Long> searchCandidates(String pattern) {
        return jdbc.sql("SELECT id FROM catalog_reward FORCE INDEX (ix_catalog_reward_search) WHERE search_text LIKE ? LIMIT ?")
                .params(pattern, SEARCH_CANDIDATES + 1).query(Long.class).list();
    }

    /** The filter's conditions on the reward itself: listed, available now, and what the member asked for. */
    private String where(CatalogFilter filter, Instant moment, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE r.listed = TRUE AND r.available_from <= ?"
                + " AND (r.available_until IS NULL OR r.available_until > ?)");
        params.add(column(moment));
        params.add(column(moment));
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = "%" + filter.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<Long> candidates = searchCandidates(pattern);
            if (candidates.size() <= SEARCH_CANDIDATES) {
                where.append(candidates.isEmpty() ? " AND FALSE"
                        : " AND r.id IN (" + String.join(", ", java.util.Collections.nCopies(candidates.size(), "?")) + ")");
                params.addAll(candidates);
            } else {
                // A broad search matches enough rows that the ordered scan meets a page of them soon.
                where.append(" AND r.search_text LIKE ?");
                params.add(pattern);
            }
        }
        if (filter.category() != null) {
            where.append(" AND r.category = ?");
            params.add(filter.category());
        }
        if (filter.merchantId() != null) {
            where.append(" AND r.merchant_id = ?");
            params.add(filter.merchantId());
        }
        if (filter.greenOnly()) {
            where.append(" AND r.green = TRUE");
        }
        return where.toString();
    }

    /** Categories that listed rewards use, for the catalog's filter. */
    public List<String> categories() {
        return jdbc.sql("SELECT DISTINCT category FROM catalog_reward WHERE listed = TRUE ORDER BY category")
                .query(String.class).list();
    }

    /** Merchants with listed rewards, for the catalog's filter. */
    public List<Long> merchantsWithRewards() {
        return jdbc.sql("SELECT DISTINCT merchant_id FROM catalog_reward WHERE listed = TRUE").query(Long.class).list();
    }

    /**
     * Takes {@code quantity} from the stock and counts them as redeemed; this row lock orders every redemption of
     * the reward. False when the stock does not cover them.
     */
    public boolean reserve(long rewardId, int quantity) {
        return jdbc.sql("UPDATE catalog_reward SET stock_left = stock_left - ?, redeemed = redeemed + ?"
                        + " WHERE id = ? AND (stock_left IS NULL OR stock_left >= ?)")
                .params(quantity, quantity, rewardId, quantity).update() == 1;
    }

    /** Puts back what a cancelled or expired redemption reserved. */
    public void restock(long rewardId, int quantity) {
        jdbc.sql("UPDATE catalog_reward SET stock_left = stock_left + ?, redeemed = redeemed - ? WHERE id = ?")
                .params(quantity, quantity, rewardId).update();
    }

    private static MerchantReward forMerchant(StoredReward reward) {
        return new MerchantReward(reward.id(), reward.kind(), reward.category(), reward.nameZh(), reward.nameEn(),
                reward.retailValue(), reward.price(), reward.regularPoints(), reward.stockLeft(), reward.redeemed(),
                reward.perMemberLimit(), reward.redeemWithinDays(), reward.availableFrom(), reward.availableUntil(),
                reward.green(), reward.listed(), reward.images());
    }

    private static StoredReward map(ResultSet rs, int row) throws SQLException {
        long regular = rs.getLong("points_price");
        Long campaignPoints = nullableLong(rs, "campaign_points");
        boolean campaign = campaignPoints != null && campaignPoints < regular;
        RewardPrice price = new RewardPrice(campaign ? campaignPoints : regular, nullableLong(rs, "cash_option_points"),
                rs.getBigDecimal("cash_option_amount"), campaign);
        long priceId = campaign ? rs.getLong("campaign_price_id") : rs.getLong("regular_price_id");
        return new StoredReward(rs.getLong("id"), rs.getLong("merchant_id"), RewardKind.valueOf(rs.getString("kind")),
                rs.getString("category"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("description_zh"),
                rs.getString("description_en"), rs.getBigDecimal("retail_value"), rs.getString("currency"), price, regular,
                priceId, nullableLong(rs, "stock_left"), rs.getLong("redeemed"), nullableInt(rs, "per_member_limit"),
                rs.getInt("redeem_within_days"), instant(rs, "available_from"), nullableInstant(rs, "available_until"),
                rs.getBoolean("green"), rs.getBoolean("listed"), nullableLong(rs, "image_id"), rs.getInt("images"));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcTimes.fromColumn(rs.getObject(column, LocalDateTime.class));
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : UtcTimes.fromColumn(value);
    }

    private static Object column(Instant moment) {
        return UtcTimes.toColumn(moment);
    }

    static @Nullable LocalDateTime toColumn(@Nullable Instant instant) {
        return instant == null ? null : UtcTimes.toColumn(instant);
    }
}
