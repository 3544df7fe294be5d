package org.evergreen.merchant;

import org.evergreen.merchant.internal.MerchantRepository;
import org.evergreen.merchant.internal.TillKeyRepository;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.MerchantRole;
import org.evergreen.security.UserSummary;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The coalition's merchants and their stores. Admins register merchants (the onboarding issue adds the
 * public application); regulators read them; merchant staff read only their own.
 */
@Service
public class MerchantDirectory {

    private static final int NAME_MAX = 100;
    private static final int CITY_MAX = 50;
    private static final int ADDRESS_MAX = 200;

    private final MerchantRepository merchants;
    private final TillKeyRepository tillKeys;
    private final UserAccounts userAccounts;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;

    public MerchantDirectory(MerchantRepository merchants, TillKeyRepository tillKeys, UserAccounts userAccounts,
                             CurrentUser currentUser, ActionLog actionLog, Clock clock) {
        this.merchants = merchants;
        this.tillKeys = tillKeys;
        this.userAccounts = userAccounts;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long register(NewMerchant merchant) {
        NewMerchant checked = validated(merchant);
        if (merchants.creditCodeExists(checked.unifiedCreditCode())) {
            throw new InvalidInputException("unifiedCreditCode", "merchant.creditCode.taken");
        }
        Instant now = clock.instant();
        long id;
        try {
            id = merchants.insertMerchant(checked, now);
        } catch (DuplicateKeyException raceLost) {
            throw new InvalidInputException("unifiedCreditCode", "merchant.creditCode.taken");
        }
        checked.stores().forEach(store -> merchants.insertStore(id, store, now));
        return id;
    }

    private static NewMerchant validated(NewMerchant merchant) {
        if (merchant.category() == null) {
            throw new InvalidInputException("category", "validation.required");
        }
        String code = merchant.unifiedCreditCode() == null ? "" : merchant.unifiedCreditCode().strip();
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw new InvalidInputException("unifiedCreditCode", "merchant.creditCode.invalid");
        }
        if (merchant.stores() == null || merchant.stores().isEmpty()) {
            throw new InvalidInputException("stores", "merchant.stores.required");
        }
        List<NewMerchant.NewStore> stores = merchant.stores().stream().map(MerchantDirectory::validatedStore).toList();
        return new NewMerchant(
                TextRules.requirePlainText("nameZh", merchant.nameZh(), NAME_MAX),
                TextRules.requirePlainText("nameEn", merchant.nameEn(), NAME_MAX),
                merchant.category(),
                code, stores);
    }

    /** Whether a merchant with this unified social credit code already takes part. */
    public boolean creditCodeTaken(String unifiedCreditCode) {
        return merchants.creditCodeExists(unifiedCreditCode);
    }

    private static NewMerchant.NewStore validatedStore(NewMerchant.NewStore store) {
        return new NewMerchant.NewStore(
                TextRules.requirePlainText("storeNameZh", store.nameZh(), NAME_MAX),
                TextRules.requirePlainText("storeNameEn", store.nameEn(), NAME_MAX),
                TextRules.requirePlainText("cityZh", store.cityZh(), CITY_MAX),
                TextRules.requirePlainText("cityEn", store.cityEn(), CITY_MAX),
                TextRules.requirePlainText("address", store.address(), ADDRESS_MAX),
                store.regionCode() == null ? null : AdministrativeRegions.byCode(store.regionCode())
                        .orElseThrow(() -> new InvalidInputException("regionCode", "store.regionUnknown")).code());
    }

    /** A login for a merchant's staff, created by a platform admin. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long createStaffLogin(long merchantId, String username, String displayName, String initialPassword) {
        if (merchants.find(merchantId).isEmpty()) {
            throw new InvalidInputException("merchant", "merchant.notFound");
        }
        long userId = userAccounts.createMerchantUser(merchantId, MerchantRole.OWNER, username, displayName, initialPassword);
        actionLog.record("staff.ownerLogin", "merchant:" + merchantId, "user " + userId + " " + username.strip());
        return userId;
    }

    /** An owner gives a cashier of their own merchant a login. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public long addCashier(String username, String displayName, String initialPassword) {
        long userId = userAccounts.createMerchantUser(currentUser.merchantId(), MerchantRole.CASHIER, username, displayName, initialPassword);
        actionLog.record("staff.cashierLogin", "merchant:" + currentUser.merchantId(), "user " + userId + " " + username.strip());
        return userId;
    }

    /** The logins of the owner's own merchant. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    public List<UserSummary> myStaff() {
        return userAccounts.staffOf(currentUser.merchantId());
    }

    /** An owner opens another store of their own merchant. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void addStore(NewMerchant.NewStore store) {
        NewMerchant.NewStore checked = validatedStore(store);
        merchants.insertStore(currentUser.merchantId(), checked, clock.instant());
        actionLog.record("store.opened", "merchant:" + currentUser.merchantId(), checked.nameZh() + ", " + checked.address());
    }

    /** An owner corrects the names (in both languages), the address or the district of an open store of their own merchant. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void updateStore(long storeId, NewMerchant.NewStore store) {
        NewMerchant.NewStore checked = validatedStore(store);
        if (!merchants.updateStore(currentUser.merchantId(), storeId, checked)) {
            throw new InvalidInputException("store", "store.notFound");
        }
        actionLog.record("store.corrected", "store:" + storeId, checked.nameZh() + ", " + checked.address() + ", " + checked.regionCode());
    }

    /**
     * An owner closes a store of their own merchant that no longer trades: its till keys stop working at once, and it
     * takes no new ones. The row stays, for the purchases made there. A merchant keeps at least one open store.
     */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void closeStore(long storeId) {
        long merchantId = currentUser.merchantId();
        Instant now = clock.instant();
        merchants.lockMerchant(merchantId);
        if (!merchants.closeStore(merchantId, storeId, now)) {
            throw new InvalidInputException("store", "store.notFound");
        }
        if (merchants.openStoreCount(merchantId) == 0) {
            throw new InvalidInputException("store", "store.lastOpen");
        }
        tillKeys.revokeAllOf(storeId, now);
        actionLog.record("store.closed", "store:" + storeId, "");
    }

    /** An owner stops a cashier of their own merchant from signing in (their open sessions end too), or lets them again. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void setCashierEnabled(long userId, boolean enabled) {
        userAccounts.setCashierEnabled(currentUser.merchantId(), userId, enabled);
        actionLog.record(enabled ? "staff.enabled" : "staff.disabled", "user:" + userId, "");
    }

    /** How many merchants the caller oversees: all, or for a regulator limited to districts, those with a store there. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public long count() {
        return merchants.count(currentUser.supervisedRegions().orElse(null));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public List<MerchantSummary> page(int offset, int limit) {
        return merchants.page(currentUser.supervisedRegions().orElse(null), offset, limit);
    }

    /**
     * The merchants a regulator limited to districts oversees (those with a store there); empty for callers who oversee
     * the whole coalition. Every feature that shows regulators merchants' data narrows it to these.
     */
    public Optional<Set<Long>> supervisedMerchants() {
        return currentUser.supervisedRegions().map(merchants::inRegions);
    }

    /** The merchants with a store in one of these districts. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public Set<Long> merchantsIn(Set<String> regionCodes) {
        return merchants.inRegions(regionCodes);
    }

    /** Who takes part in the coalition, a page at a time: names and categories are public. */
    public List<PublicMerchant> participants(int offset, int limit) {
        return merchants.page(null, offset, limit).stream()
                .map(merchant -> new PublicMerchant(merchant.id(), merchant.nameZh(), merchant.nameEn(), merchant.category()))
                .toList();
    }

    /** The public face of one participating merchant. */
    public PublicMerchant publicMerchant(long merchantId) {
        MerchantSummary merchant = merchants.find(merchantId).orElseThrow(() -> new IllegalStateException("Unknown merchant " + merchantId));
        return new PublicMerchant(merchant.id(), merchant.nameZh(), merchant.nameEn(), merchant.category());
    }

    /** The public faces of these merchants by id; ids of no merchant are left out. */
    public Map<Long, PublicMerchant> publicMerchants(Collection<Long> merchantIds) {
        return merchantIds.isEmpty() ? Map.of() : merchants.publicMerchants(merchantIds).stream()
                .collect(Collectors.toMap(PublicMerchant::id, merchant -> merchant));
    }

    public long participantCount() {
        return merchants.count(null);
    }

    /** Any merchant's stores, for admins and regulators. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public List<StoreSummary> storesOf(long merchantId) {
        return merchants.stores(merchantId);
    }

    /** The merchant the signed-in staff member works for; never another one. */
    @PreAuthorize("hasRole('MERCHANT')")
    public MerchantSummary myMerchant() {
        long merchantId = currentUser.merchantId();
        return merchants.find(merchantId).orElseThrow(() -> new IllegalStateException("Unknown merchant " + merchantId));
    }

    @PreAuthorize("hasRole('MERCHANT')")
    public List<StoreSummary> myStores() {
        return merchants.stores(currentUser.merchantId());
    }
}
