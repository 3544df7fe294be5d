package org.evergreen.earning.internal;

import org.evergreen.earning.Campaign;
import org.evergreen.earning.CampaignKind;
import org.evergreen.member.Tier;
import org.evergreen.shared.database.ImmutableRowCache;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code earning_campaign} table; categories and tiers are kept as comma-separated lists. */
@Repository
public class CampaignRepository {

    private static final String COLUMNS = """
            id, merchant_id, kind, name_zh, name_en, multiplier, bonus_points, categories, tiers, starts_at, ends_at, disclosed_at""";
    private static final RowMapper<Campaign> MAPPER = CampaignRepository::map;

    private final JdbcClient jdbc;
    private final ImmutableRowCache<Campaign> versions = new ImmutableRowCache<>(10_000);

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(@Nullable Long merchantId, Campaign campaign, String disclosedBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO earning_campaign (merchant_id, kind, name_zh, name_en, multiplier, bonus_points, categories, tiers,
                                                      starts_at, ends_at, disclosed_at, disclosed_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(merchantId, campaign.kind().name(), campaign.nameZh(), campaign.nameEn(), campaign.multiplier(),
                        campaign.bonusPoints(), String.join(",", campaign.categories().stream().sorted().toList()),
                        campaign.tiers().stream().sorted().map(Tier::name).collect(Collectors.joining(",")),
                        UtcTimes.toColumn(campaign.startsAt()), UtcTimes.toColumn(campaign.endsAt()),
                        UtcTimes.toColumn(campaign.disclosedAt()), disclosedBy)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The merchant's campaigns running at {@code moment}, and the platform's whose window holds when the member joined. */
    public List<Campaign> inEffect(long merchantId, Instant moment, Instant memberJoinedAt) {
        String sql = "SELECT " + COLUMNS + " FROM earning_campaign WHERE merchant_id = ? AND starts_at <= ? AND ends_at > ?"
                + " UNION ALL SELECT " + COLUMNS + " FROM earning_campaign WHERE merchant_id IS NULL AND starts_at <= ? AND ends_at > ?";
        return jdbc.sql(sql)
                .params(merchantId, UtcTimes.toColumn(moment), UtcTimes.toColumn(moment),
                        UtcTimes.toColumn(memberJoinedAt), UtcTimes.toColumn(memberJoinedAt))
                .query(MAPPER).list();
    }

    /** A merchant's campaigns (or the platform's, for null), the latest start first. */
    public List<Campaign> page(@Nullable Long merchantId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM earning_campaign WHERE merchant_id <=> ? ORDER BY starts_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(merchantId, limit, offset).query(MAPPER).list();
    }

    public long count(@Nullable Long merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM earning_campaign WHERE merchant_id <=> ?").param(merchantId).query(Long.class).single();
    }

    /** Every campaign of these merchants, the latest start first. */
    public List<Campaign> ofMerchants(Collection<Long> merchantIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM earning_campaign WHERE merchant_id IN (:merchants) ORDER BY starts_at DESC, id DESC")
                .param("merchants", merchantIds).query(MAPPER).list();
    }

    /** These merchants' campaigns running at {@code moment}, those ending soonest first. */
    public List<Campaign> runningAt(Collection<Long> merchantIds, Instant moment, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM earning_campaign WHERE merchant_id IN (:merchants) AND starts_at <= :now AND ends_at > :now"
                        + " ORDER BY ends_at, id LIMIT :limit")
                .param("merchants", merchantIds).param("now", UtcTimes.toColumn(moment)).param("limit", limit).query(MAPPER).list();
    }

    /** Campaigns by id, in the order given, each read from the database only the first time: a campaign never changes. */
    public List<Campaign> versions(List<Long> ids) {
        return ids.stream().map(id -> versions.get(id, key -> jdbc.sql("SELECT " + COLUMNS + " FROM earning_campaign WHERE id = ?")
                .param(key).query(MAPPER).optional()).orElseThrow()).toList();
    }

    public List<Campaign> byIds(Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM earning_campaign WHERE id IN (:ids)").param("ids", ids).query(MAPPER).list();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        Long merchantId = rs.getObject("merchant_id", Long.class);
        return new Campaign(rs.getLong("id"), merchantId, CampaignKind.valueOf(rs.getString("kind")),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getBigDecimal("multiplier"), rs.getObject("bonus_points", Long.class),
                split(rs.getString("categories")),
                split(rs.getString("tiers")).stream().map(Tier::valueOf).collect(Collectors.toSet()),
                UtcTimes.fromColumn(rs.getObject("starts_at", LocalDateTime.class)),
                UtcTimes.fromColumn(rs.getObject("ends_at", LocalDateTime.class)),
                UtcTimes.fromColumn(rs.getObject("disclosed_at", LocalDateTime.class)));
    }

    private static Set<String> split(String list) {
        return list.isEmpty() ? Set.of() : Arrays.stream(list.split(",")).collect(Collectors.toSet());
    }
}
