package org.evergreen.green;

import org.evergreen.green.ImpactReport.Figures;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.shared.i18n.SupportedLocales;
import org.evergreen.shared.time.UtcTimes;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Opt-in communities: admins open them; a member joins one only by agreeing that it sees their figures added up with
 * the others', and appears on its leaderboard only under an alias they choose. Only a community's members see its
 * figures; leaving takes a member's figures out at once.
 */
@Service
public class Communities {

    public enum Kind {
        SCHOOL, RESIDENTIAL, COMPANY
    }

    /** A community, with how many members it has and whether the signed-in member is one of them. */
    public record Community(long id, String nameZh, String nameEn, Kind kind, long members, boolean joined) {

        public String name(Locale locale) {
            return SupportedLocales.pick(locale, nameZh, nameEn);
        }
    }

    /** One row of a leaderboard: the alias a member chose, and their CO₂e avoided in the year. */
    public record Leader(String alias, long co2eGrams) {
    }

    /** A community's year: its members' figures added up, and its leaderboard of members who chose to appear. */
    public record CommunityYear(Community community, int year, Figures figures, List<Leader> leaders) {
    }

    private static final int LEADERS = 10;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;

    Communities(JdbcClient jdbc, CurrentUser currentUser, ActionLog actionLog, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long open(String nameZh, String nameEn, @Nullable Kind kind) {
        if (kind == null) {
            throw new InvalidInputException("kind", "validation.required");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO green_community (name_zh, name_en, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(TextRules.requirePlainText("nameZh", nameZh, 100), TextRules.requirePlainText("nameEn", nameEn, 100), kind.name(),
                        UtcTimes.toColumn(clock.instant()), currentUser.require().getUsername())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        actionLog.record("community.opened", "community:" + id, nameZh.strip() + " (" + kind + ")");
        return id;
    }

    /** Every community, for members to choose from and admins to see. */
    @PreAuthorize("hasAnyRole('MEMBER', 'ADMIN')")
    public List<Community> all() {
        return communities("", currentUser.require().id());
    }

    /** Communities as the signed-in user sees them, all or those matching {@code where} (with its parameters after theirs). */
    private List<Community> communities(String where, Object... parameters) {
        return jdbc.sql("""
                        SELECT c.id, c.name_zh, c.name_en, c.kind, (SELECT COUNT(*) FROM green_community_member m WHERE m.community_id = c.id) AS members,
                               EXISTS (SELECT 1 FROM green_community_member m WHERE m.community_id = c.id AND m.member_id = ?) AS joined
                        FROM green_community c""" + where + " ORDER BY c.id")
                .params(parameters)
                .query((rs, n) -> new Community(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en"),
                        Kind.valueOf(rs.getString("kind")), rs.getLong("members"), rs.getBoolean("joined")))
                .list();
    }

    /**
     * The signed-in member joins, if they agree that the community sees their figures added up with the others'; with an
     * alias they appear on its leaderboard under it, without one they do not appear.
     */
    @PreAuthorize("hasRole('MEMBER')")
    public void join(long communityId, boolean consent, @Nullable String alias) {
        if (!consent) {
            throw new InvalidInputException("consent", "communities.consentRequired");
        }
        String shownAs = alias == null || alias.isBlank() ? null : TextRules.requirePlainText("alias", alias, 20);
        if (jdbc.sql("SELECT COUNT(*) FROM green_community WHERE id = ?").param(communityId).query(Long.class).single() == 0) {
            throw new InvalidInputException("community", "communities.unknown");
        }
        try {
            jdbc.sql("INSERT INTO green_community_member (community_id, member_id, alias, joined_at) VALUES (?, ?, ?, ?)")
                    .params(communityId, currentUser.require(Role.MEMBER).id(), shownAs, UtcTimes.toColumn(clock.instant())).update();
        } catch (DuplicateKeyException already) {
            throw new InvalidInputException("community", "communities.alreadyJoined");
        }
    }

    /** The signed-in member leaves: the community no longer counts their figures. */
    @PreAuthorize("hasRole('MEMBER')")
    public void leave(long communityId) {
        jdbc.sql("DELETE FROM green_community_member WHERE community_id = ? AND member_id = ?")
                .params(communityId, currentUser.require(Role.MEMBER).id()).update();
    }

    /** A community's year, for its own members only. */
    @PreAuthorize("hasRole('MEMBER')")
    public CommunityYear year(long communityId, int year) {
        Community community = communities(" WHERE c.id = ?", currentUser.require(Role.MEMBER).id(), communityId).stream()
                .filter(Community::joined).findFirst()
                .orElseThrow(() -> new InvalidInputException("community", "communities.membersOnly"));
        Figures figures = jdbc.sql("""
                        SELECT COALESCE(SUM(g.purchases), 0) AS purchases, COALESCE(SUM(g.spend), 0) AS spend,
                               COALESCE(SUM(g.green_spend), 0) AS green_spend, COALESCE(SUM(g.green_points), 0) AS green_points,
                               COALESCE(SUM(g.co2e_grams), 0) AS co2e_grams
                        FROM green_community_member m
                        JOIN green_member_month g ON g.member_id = m.member_id AND g.month >= MAKEDATE(?, 1) AND g.month < MAKEDATE(? + 1, 1)
                        WHERE m.community_id = ?""")
                .params(year, year, communityId)
                .query((rs, n) -> new Figures(rs.getInt("purchases"), rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"),
                        rs.getLong("green_points"), rs.getLong("co2e_grams")))
                .single();
        List<Leader> leaders = jdbc.sql("""
                        SELECT m.alias, SUM(g.co2e_grams) AS co2e_grams FROM green_community_member m
                        JOIN green_member_month g ON g.member_id = m.member_id AND g.month >= MAKEDATE(?, 1) AND g.month < MAKEDATE(? + 1, 1)
                        WHERE m.community_id = ? AND m.alias IS NOT NULL
                        GROUP BY m.member_id, m.alias HAVING SUM(g.co2e_grams) > 0 ORDER BY co2e_grams DESC, m.alias LIMIT ?""")
                .params(year, year, communityId, LEADERS)
                .query((rs, n) -> new Leader(rs.getString("alias"), rs.getLong("co2e_grams"))).list();
        return new CommunityYear(community, year, figures, leaders);
    }
}
