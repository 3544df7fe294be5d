package org.evergreen.catalog.internal;

import org.evergreen.catalog.RedemptionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/** What a member's activity says about their redemptions: the reward's names and where the redemption stands. */
@Component
public class RedemptionActivityQuery {

    public record RedemptionLine(long id, long holdId, RedemptionStatus status, String rewardNameZh, String rewardNameEn, int quantity) {
    }

    private final JdbcClient jdbc;

    RedemptionActivityQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's own redemptions that placed one of these holds or have one of these ids. */
    public List<RedemptionLine> ofMember(long memberId, Collection<Long> holdIds, Collection<Long> redemptionIds) {
        if (holdIds.isEmpty() && redemptionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT r.id, r.hold_id, r.status, r.quantity, w.name_zh, w.name_en
                        FROM catalog_redemption r JOIN catalog_reward w ON w.id = r.reward_id
                        WHERE r.member_id = :member AND (r.hold_id IN (:holds) OR r.id IN (:ids))""")
                .param("member", memberId)
                .param("holds", holdIds.isEmpty() ? List.of(-1L) : holdIds)
                .param("ids", redemptionIds.isEmpty() ? List.of(-1L) : redemptionIds)
                .query((rs, n) -> new RedemptionLine(rs.getLong("id"), rs.getLong("hold_id"), RedemptionStatus.valueOf(rs.getString("status")),
                        rs.getString("name_zh"), rs.getString("name_en"), rs.getInt("quantity")))
                .list();
    }
}
