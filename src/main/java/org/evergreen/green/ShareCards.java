package org.evergreen.green;

import org.evergreen.green.internal.ImpactQuery;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.shared.time.UtcTimes;
import org.evergreen.shared.validation.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Optional;

/**
 * Members' share cards: a link to one year's impact that shows no personal data (no name, number or merchant), made
 * and stopped by the member alone. The link's token is 256 random bits, kept server-side, so it cannot be guessed or
 * forged, and stopping it takes effect at once.
 */
@Service
public class ShareCards {

    /** What a shared card shows: the year's figures only. */
    public record CardFigures(int year, long co2eGrams, long greenPoints, BigDecimal greenSharePercent) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ImpactQuery impact;
    private final GreenReports reports;
    private final CurrentUser currentUser;
    private final Clock clock;

    ShareCards(JdbcClient jdbc, ImpactQuery impact, GreenReports reports, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.impact = impact;
        this.reports = reports;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in member's shared card of that year, if they share one. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<String> mine(int year) {
        return jdbc.sql("SELECT token FROM green_share_card WHERE member_id = ? AND year = ? AND revoked_at IS NULL")
                .params(currentUser.require(Role.MEMBER).id(), year).query(String.class).optional();
    }

    /** Shares the signed-in member's card of that year: its token, the same one while it is shared. */
    @PreAuthorize("hasRole('MEMBER')")
    @Transactional
    public String share(int year) {
        long memberId = currentUser.require(Role.MEMBER).id();
        if (year < 2000 || year > reports.currentYear()) {
            throw new InvalidInputException("year", "impact.card.year");
        }
        Optional<String> shared = mine(year);
        if (shared.isPresent()) {
            return shared.get();
        }
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        jdbc.sql("INSERT INTO green_share_card (token, member_id, year, created_at) VALUES (?, ?, ?, ?)")
                .params(token, memberId, year, UtcTimes.toColumn(clock.instant())).update();
        return token;
    }

    /** Stops sharing one of the signed-in member's cards; anyone else's token changes nothing and is refused. */
    @PreAuthorize("hasRole('MEMBER')")
    public void stop(String token) {
        int stopped = jdbc.sql("UPDATE green_share_card SET revoked_at = ? WHERE token = ? AND member_id = ? AND revoked_at IS NULL")
                .params(UtcTimes.toColumn(clock.instant()), token, currentUser.require(Role.MEMBER).id()).update();
        if (stopped == 0) {
            throw new InvalidInputException("card", "impact.card.notYours");
        }
    }

    /** What a card shows to anyone with its link; nothing once stopped (or for a token that was never made). */
    public Optional<CardFigures> shown(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        record Card(long memberId, int year) {
        }
        return jdbc.sql("SELECT member_id, year FROM green_share_card WHERE token = ? AND revoked_at IS NULL").param(token)
                .query((rs, n) -> new Card(rs.getLong("member_id"), rs.getInt("year"))).optional()
                .map(card -> {
                    ImpactReport.Figures year = impact.months(card.memberId(), YearMonth.of(card.year(), 1), YearMonth.of(card.year(), 12))
                            .values().stream().reduce(ImpactReport.Figures.NONE, ImpactReport.Figures::plus);
                    return new CardFigures(card.year(), year.co2eGrams(), year.greenPoints(), year.greenSharePercent());
                });
    }
}
