package org.evergreen.member.internal;

import org.evergreen.member.MemberProfile;
import org.evergreen.member.Tier;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/** The {@code member_member} table. */
@Repository
public class MemberRepository {

    private final JdbcClient jdbc;

    public MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long userId, String memberNumber, Instant joinedAt) {
        jdbc.sql("INSERT INTO member_member (user_id, member_number, tier, joined_at) VALUES (?, ?, 'ORDINARY', ?)")
                .params(userId, memberNumber, UtcTimes.toColumn(joinedAt))
                .update();
    }

    public void renumber(long userId, String memberNumber) {
        if (jdbc.sql("UPDATE member_member SET member_number = ? WHERE user_id = ?").params(memberNumber, userId).update() != 1) {
            throw new IllegalArgumentException("No member " + userId);
        }
    }

    public void updateTier(long userId, Tier tier, java.math.BigDecimal qualifyingSpend) {
        jdbc.sql("UPDATE member_member SET tier = ?, qualifying_spend = ? WHERE user_id = ?")
                .params(tier.name(), qualifyingSpend, userId)
                .update();
    }

    public Optional<MemberProfile> findByNumber(String memberNumber) {
        return jdbc.sql("SELECT user_id, member_number, tier, qualifying_spend, joined_at FROM member_member WHERE member_number = ?")
                .param(memberNumber).query(MemberRepository::profile).optional();
    }

    public Optional<MemberProfile> find(long userId) {
        return jdbc.sql("SELECT user_id, member_number, tier, qualifying_spend, joined_at FROM member_member WHERE user_id = ?")
                .param(userId).query(MemberRepository::profile).optional();
    }

    private static MemberProfile profile(ResultSet rs, int row) throws SQLException {
        return new MemberProfile(rs.getLong("user_id"), rs.getString("member_number"), Tier.valueOf(rs.getString("tier")),
                rs.getBigDecimal("qualifying_spend"), UtcTimes.fromColumn(rs.getObject("joined_at", LocalDateTime.class)));
    }
}
