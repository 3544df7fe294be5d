package org.evergreen.merchant;

import org.evergreen.merchant.internal.TillKeyRepository;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys of stores' tills: {@code eg_<8-character prefix>_<32-character secret>}. The secret is random
 * (about 187 bits), so a SHA-256 of it is kept rather than a slow password hash; the full key is shown once.
 */
@Service
public class TillKeys {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Pattern KEY = Pattern.compile("^eg_([A-Za-z0-9]{8})_([A-Za-z0-9]{32})$");
    /** Last use is written at most this often per key, so a busy till does not write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TillKeyRepository keys;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;

    public TillKeys(TillKeyRepository keys, CurrentUser currentUser, ActionLog actionLog, Clock clock) {
        this.keys = keys;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    /** Creates a key for a store of the owner's own merchant and returns it: the only time it is shown. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public String create(long storeId, String label) {
        long merchantId = currentUser.merchantId();
        if (!keys.lockOpenStoreOf(storeId, merchantId)) {
            throw new InvalidInputException("store", "tillKeys.store.unknown");
        }
        return issue(merchantId, storeId, TextRules.requirePlainText("label", label, 50), currentUser.require().id(),
                random(8), random(32));
    }

    /** The demo data's key, whose text the README shows. Only the platform may do this. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String createKnown(long merchantId, long storeId, String label, String key) {
        Matcher parts = KEY.matcher(key);
        if (!parts.matches() || !keys.lockOpenStoreOf(storeId, merchantId)) {
            throw new IllegalArgumentException("Not a key of this store's format");
        }
        return issue(merchantId, storeId, label, currentUser.require().id(), parts.group(1), parts.group(2));
    }

    private String issue(long merchantId, long storeId, String label, long createdBy, String prefix, String secret) {
        keys.insert(merchantId, storeId, prefix, sha256(secret), label, createdBy, clock.instant());
        actionLog.record("tillKey.issued", "store:" + storeId, "key " + prefix + " (" + label + ")");
        return "eg_" + prefix + "_" + secret;
    }

    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    public List<TillKey> myKeys() {
        return keys.ofMerchant(currentUser.merchantId());
    }

    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public void revoke(long keyId) {
        if (!keys.revoke(currentUser.merchantId(), keyId, clock.instant())) {
            throw new InvalidInputException("key", "tillKeys.unknown");
        }
        actionLog.record("tillKey.revoked", "merchant:" + currentUser.merchantId(), "key " + keyId);
    }

    /** The public part of a presented key ({@code demo0001} of {@code eg_demo0001_…}), if it has the shape of a key. */
    public static Optional<String> prefixOf(String presentedKey) {
        Matcher parts = KEY.matcher(presentedKey.strip());
        return parts.matches() ? Optional.of(parts.group(1)) : Optional.empty();
    }

    /**
     * The till a presented key belongs to, if the key is well-formed, live and matches. Open to anyone. Runs on
     * every API request, so without a transaction of its own: one read, and now and then a write of the last use.
     */
    public Optional<TillPrincipal> authenticate(String presentedKey) {
        Matcher parts = KEY.matcher(presentedKey == null ? "" : presentedKey.strip());
        if (!parts.matches()) {
            return Optional.empty();
        }
        return keys.liveByPrefix(parts.group(1))
                .filter(stored -> MessageDigest.isEqual(stored.secretHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(parts.group(2)).getBytes(StandardCharsets.US_ASCII)))
                .map(stored -> {
                    Instant now = clock.instant();
                    if (stored.lastUsedAt() == null || stored.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                        keys.touch(stored.principal().keyId(), now);
                    }
                    return stored.principal();
                });
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
