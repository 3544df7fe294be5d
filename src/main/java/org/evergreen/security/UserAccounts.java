package org.evergreen.security;

import org.evergreen.security.internal.NewUserRow;
import org.evergreen.security.internal.PasswordPolicy;
import org.evergreen.security.internal.UserAccountRepository;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Creating and administering the people who sign in. Members register themselves; admins create the rest. */
@Service
public class UserAccounts {

    private static final Pattern LOGIN_NAME = Pattern.compile("^[a-z][a-z0-9._-]{2,31}$");
    private static final int DISPLAY_NAME_MAX = 32;
    private static final Pattern REGION_CODE = Pattern.compile("^\\d{6}$");
    /** Width of security_user.username; e-mail addresses are login names too. */
    private static final int LOGIN_NAME_MAX = 64;

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final ActionLog actionLog;
    private final Clock clock;

    public UserAccounts(UserAccountRepository users, PasswordEncoder passwordEncoder,
                        ApplicationEventPublisher events, ActionLog actionLog, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    /** Self-registration of a member; open to anyone. Returns the new user's id. */
    @Transactional
    public long registerMember(MemberRegistration registration) {
        String identifier = registration.phoneOrEmail() == null ? "" : registration.phoneOrEmail().strip();
        String phone = null;
        String email = null;
        if (TextRules.isPhone(identifier)) {
            phone = identifier;
        } else if (TextRules.isEmail(identifier) && identifier.length() <= LOGIN_NAME_MAX) {
            email = identifier.toLowerCase(Locale.ROOT);
            identifier = email;
        } else {
            throw new InvalidInputException("phoneOrEmail", "registration.identifier.invalid");
        }
        String displayName = TextRules.requirePlainText("displayName", registration.displayName(), DISPLAY_NAME_MAX);
        PasswordPolicy.check("password", registration.password(), identifier);
        if (!registration.acceptedTerms()) {
            throw new InvalidInputException("acceptedTerms", "registration.terms.required");
        }
        // The phone number or e-mail is the login name, so one lookup covers both; the unique keys cover races.
        if (users.existsByUsername(identifier)) {
            throw new InvalidInputException("phoneOrEmail", "registration.identifier.taken");
        }
        long id = insert(new NewUserRow(identifier, displayName, passwordEncoder.encode(registration.password()),
                Role.MEMBER, phone, email, null, null, clock.instant(), clock.instant()), "phoneOrEmail", "registration.identifier.taken");
        events.publishEvent(new MemberRegistered(id));
        return id;
    }

    /** An admin creates another admin or a regulator. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createStaffUser(NewStaffUser user) {
        if (user.role() != Role.ADMIN && user.role() != Role.REGULATOR) {
            throw new InvalidInputException("role", "users.role.notStaff");
        }
        long id = insertWithLoginName(user.username(), user.displayName(), user.role(), user.initialPassword(), null, null);
        actionLog.record("user.created", "user:" + id, user.role() + " " + user.username().strip());
        return id;
    }

    /**
     * Limits a regulator to districts (GB/T 2260 codes): they then see only the merchants with a store there and those
     * merchants' entries, cases and reports. No districts: the regulator supervises the whole coalition.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setSupervisedRegions(long userId, Set<String> regionCodes) {
        if (users.roleOf(userId).orElse(null) != Role.REGULATOR) {
            throw new InvalidInputException("user", "users.regions.notRegulator");
        }
        if (!regionCodes.stream().allMatch(code -> REGION_CODE.matcher(code).matches())) {
            throw new InvalidInputException("regions", "users.regions.invalid");
        }
        users.replaceSupervisedRegions(userId, new TreeSet<>(regionCodes));
        actionLog.record("regulator.regions", "user:" + userId, String.join(" ", new TreeSet<>(regionCodes)));
    }

    /** The districts a regulator is limited to; empty for one who supervises the whole coalition. */
    @PreAuthorize("hasRole('ADMIN') or #userId == principal.id()")
    public Set<String> supervisedRegions(long userId) {
        return users.supervisedRegions(userId);
    }

    /** An admin opens a member account on someone's behalf (service desk, demo data). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createMember(String username, String displayName, String initialPassword) {
        long id = insertWithLoginName(username, displayName, Role.MEMBER, initialPassword, null, null);
        events.publishEvent(new MemberRegistered(id));
        return id;
    }

    /**
     * A login for the staff of one merchant: created by a platform admin, or by one of that merchant's own
     * owners. The merchant feature checks the merchant exists.
     */
    @PreAuthorize("hasRole('ADMIN') or (hasRole('MERCHANT_OWNER') and #merchantId == principal.merchantId())")
    @Transactional
    public long createMerchantUser(long merchantId, MerchantRole merchantRole, String username, String displayName,
                                   String initialPassword) {
        return insertWithLoginName(username, displayName, Role.MERCHANT, initialPassword, merchantId, merchantRole);
    }

    /** The logins of one merchant's staff: for admins and that merchant's owners. */
    @PreAuthorize("hasRole('ADMIN') or (hasRole('MERCHANT_OWNER') and #merchantId == principal.merchantId())")
    public List<UserSummary> staffOf(long merchantId) {
        return users.staffOf(merchantId);
    }

    /**
     * An owner stops a cashier of their own merchant from signing in, or lets them again; owners are the platform's to
     * change. A stopped cashier's open sessions end too (see {@code DisabledAccountSessions}).
     */
    @PreAuthorize("hasRole('MERCHANT_OWNER') and #merchantId == principal.merchantId()")
    @Transactional
    public void setCashierEnabled(long merchantId, long userId, boolean enabled) {
        if (users.setCashierEnabled(merchantId, userId, enabled) != 1) {
            throw new InvalidInputException("staff", "team.staff.notACashier");
        }
    }

    private long insertWithLoginName(String rawUsername, String rawDisplayName, Role role, String password,
                                     @Nullable Long merchantId, @Nullable MerchantRole merchantRole) {
        String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN_NAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "users.username.invalid");
        }
        String displayName = TextRules.requirePlainText("displayName", rawDisplayName, DISPLAY_NAME_MAX);
        PasswordPolicy.check("password", password, username);
        if (users.existsByUsername(username)) {
            throw new InvalidInputException("username", "users.username.taken");
        }
        return insert(new NewUserRow(username, displayName, passwordEncoder.encode(password), role,
                null, null, merchantId, merchantRole, null, clock.instant()), "username", "users.username.taken");
    }

    private long insert(NewUserRow row, String identifyingField, String takenMessageKey) {
        try {
            return users.insert(row);
        } catch (DuplicateKeyException raceLost) {
            throw new InvalidInputException(identifyingField, takenMessageKey);
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long count(@Nullable Role role) {
        return users.count(role);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<UserSummary> page(@Nullable Role role, int offset, int limit) {
        return users.page(role, offset, limit);
    }

    /** Lifts a lock-out before it runs out by itself. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unlock(long userId) {
        users.unlock(userId);
        actionLog.record("user.unlocked", "user:" + userId, "");
    }

    /**
     * Display names of the given users. Callers pass only ids the current user may see (for example the
     * members of their own household).
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> displayNames(Collection<Long> userIds) {
        return users.displayNames(userIds);
    }

    /** Whether anybody has an account yet: an empty database gets the demo data. */
    public boolean anyUserExists() {
        return users.countAll() > 0;
    }
}
