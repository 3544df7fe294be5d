package org.evergreen.catalog.internal;

import org.evergreen.catalog.PointValue;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code catalog_point_value} and {@code catalog_compensation} tables, both insert-only. */
@Repository
public class CatalogPolicyRepository {

    private final JdbcClient jdbc;

    public CatalogPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void announce(PointValue value, String announcedBy) {
        jdbc.sql("INSERT INTO catalog_point_value (yuan_per_point, floor_per_point, effective_from, announced_at, announced_by)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(value.yuanPerPoint(), value.floorPerPoint(), UtcTimes.toColumn(value.effectiveFrom()),
                        UtcTimes.toColumn(value.announcedAt()), announcedBy)
                .update();
    }

    /** The value in effect at {@code moment}: of those effective by then, the latest announced. */
    public Optional<PointValue> valueAt(Instant moment) {
        return jdbc.sql("SELECT yuan_per_point, floor_per_point, effective_from, announced_at FROM catalog_point_value"
                        + " WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1")
                .param(UtcTimes.toColumn(moment)).query(CatalogPolicyRepository::map).optional();
    }

    /** Values announced to apply after {@code moment}, soonest first. */
    public List<PointValue> announcedAfter(Instant moment) {
        return jdbc.sql("SELECT yuan_per_point, floor_per_point, effective_from, announced_at FROM catalog_point_value"
                        + " WHERE effective_from > ? ORDER BY effective_from, id")
                .param(UtcTimes.toColumn(moment)).query(CatalogPolicyRepository::map).list();
    }

    public void setCompensation(BigDecimal percent, Instant now, String setBy) {
        jdbc.sql("INSERT INTO catalog_compensation (percent, set_at, set_by) VALUES (?, ?, ?)")
                .params(percent, UtcTimes.toColumn(now), setBy).update();
    }

    public Optional<BigDecimal> compensation() {
        return jdbc.sql("SELECT percent FROM catalog_compensation ORDER BY id DESC LIMIT 1").query(BigDecimal.class).optional();
    }

    private static PointValue map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PointValue(rs.getBigDecimal("yuan_per_point"), rs.getBigDecimal("floor_per_point"),
                RewardRepository.instant(rs, "effective_from"), RewardRepository.instant(rs, "announced_at"));
    }
}
