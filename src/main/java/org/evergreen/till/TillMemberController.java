package org.evergreen.till;

import org.evergreen.till.TillApiProblems.TillApiException;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.MemberPoints;
import org.evergreen.member.MemberProfile;
import org.evergreen.member.MemberProfiles;
import org.evergreen.member.OneTimeCodes;
import org.evergreen.security.SystemActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Optional;

/** What a till shows a member at the counter: their points, found by member number or one-time code. */
@RestController
@RequestMapping("/api/v1/members")
class TillMemberController {

    /**
     * The points a till shows: what can be spent now, what is held, and what expires within 30 days. The
     * member number is only repeated when it was asked by; a one-time code does not reveal it.
     */
    record BalanceResponse(@Nullable String memberNumber, long available, long held, long expiringWithin30Days) {
    }

    private final MemberProfiles members;
    private final OneTimeCodes codes;
    private final Ledger ledger;

    TillMemberController(MemberProfiles members, OneTimeCodes codes, Ledger ledger) {
        this.members = members;
        this.codes = codes;
        this.ledger = ledger;
    }

    /** {@code code} is a member number or a one-time code; looking does not use the one-time code up. */
    @GetMapping("/{code}/balance")
    BalanceResponse balance(@PathVariable String code) {
        Optional<MemberProfile> byNumber = members.byNumber(code);
        MemberProfile member = byNumber.or(() -> codes.peek(code))
                .orElseThrow(() -> new TillApiException(HttpStatus.NOT_FOUND, "member-not-found"));
        // The till may see this member's points; reading them is the platform's work.
        MemberPoints points = SystemActor.call(() -> ledger.memberPoints(member.userId(), Duration.ofDays(30)));
        return new BalanceResponse(byNumber.isPresent() ? member.memberNumber() : null, points.available(), points.held(),
                points.expiringTotal());
    }
}
