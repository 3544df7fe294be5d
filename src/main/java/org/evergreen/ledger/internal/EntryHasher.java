package org.evergreen.ledger.internal;

import org.evergreen.ledger.Posting;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the canonical content of an entry and its postings. The entry's id is not part of it
 * (it is assigned by the insert); the seal chain binds ids to hashes.
 */
public final class EntryHasher {

    private EntryHasher() {
    }

    public static String entryHash(String kind, String origin, String idempotencyKey, String actor, String reason,
                                   @Nullable String reference, @Nullable String caseReference,
                                   @Nullable Long reversesEntryId, LocalDateTime createdAtUtc, List<Posting> postings) {
        StringBuilder canonical = new StringBuilder(256)
                .append(kind).append('\u001f').append(origin).append('\u001f').append(idempotencyKey)
                .append('\u001f').append(actor).append('\u001f').append(reason)
                .append('\u001f').append(reference == null ? "" : reference)
                .append('\u001f').append(caseReference == null ? "" : caseReference)
                .append('\u001f').append(reversesEntryId == null ? "" : reversesEntryId)
                .append('\u001f').append(createdAtUtc);
        postings.stream().sorted(Comparator.comparingLong(Posting::accountId))
                .forEach(posting -> canonical.append('\u001e').append(posting.accountId()).append(':').append(posting.amount()));
        return sha256(canonical.toString());
    }

    /**
     * Seal n = MAC(seal n-1, then the id and hash of every entry it covers, in id order), keyed with the
     * seal key kept outside the database, so that whoever can rewrite the tables still cannot forge seals.
     * Without a key (development, tests) it is a plain SHA-256.
     */
    public static String sealHash(String previousHash, List<SealedEntry> entries, byte[] sealKey) {
        StringBuilder content = new StringBuilder(previousHash);
        for (SealedEntry entry : entries) {
            content.append('\n').append(entry.entryId()).append(':').append(entry.contentHash());
        }
        byte[] bytes = content.toString().getBytes(StandardCharsets.US_ASCII);
        if (sealKey.length == 0) {
            return HexFormat.of().formatHex(sha256().digest(bytes));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sealKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public record SealedEntry(long entryId, String contentHash) {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
