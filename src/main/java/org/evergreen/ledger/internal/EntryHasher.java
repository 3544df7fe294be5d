package org.evergreen.ledger.internal;

import org.evergreen.ledger.Posting;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
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

    /** Seal n = H(seal n-1, then the id and hash of every entry it covers, in id order). */
    public static String sealHash(String previousHash, List<SealedEntry> entries) {
        MessageDigest digest = sha256();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        for (SealedEntry entry : entries) {
            digest.update(("\n" + entry.entryId() + ":" + entry.contentHash()).getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
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
