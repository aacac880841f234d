package org.opsdesk.operations.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.HistoryEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident link between history entries: each hash is SHA-256 over the previous entry's hash (32 zero
 * bytes for the first) followed by the entry's canonical content, a JSON array of its fields in the fixed order
 * {@link HistoryField} defines.
 * Changing, removing or reordering any stored entry breaks every hash from there on.
 */
final class HistoryChain {

    private static final byte[] GENESIS = new byte[32];
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HistoryChain() {}

    static byte[] hash(byte @Nullable [] previousHash, HistoryEntry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash == null ? GENESIS : previousHash);
            sha256.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hashed fields of {@link HistoryField}, in its order. */
    static String canonical(HistoryEntry e) {
        return JSON.writeValueAsString(HistoryField.hashedValues(e));
    }

    /** Recomputes the chain of entries (oldest first) and checks it ends at the operation's recorded head. */
    static ChainVerification verify(List<HistoryEntry> entries, byte[] head) {
        byte[] previous = null;
        long expectedSeq = 1;
        for (HistoryEntry entry : entries) {
            if (entry.seq() != expectedSeq) {
                return broken(entries, expectedSeq, "entry " + expectedSeq + " is missing");
            }
            if (!Arrays.equals(entry.previousHash(), previous)) {
                return broken(entries, entry.seq(), "its previous hash does not link to the entry before it");
            }
            if (!MessageDigest.isEqual(hash(previous, entry), entry.hash())) {
                return broken(entries, entry.seq(), "its content does not match its hash");
            }
            previous = entry.hash();
            expectedSeq++;
        }
        if (!MessageDigest.isEqual(previous == null ? new byte[0] : previous, head)) {
            return broken(entries, expectedSeq, "the chain ends before the operation's latest change");
        }
        return new ChainVerification(true, entries.size(), null, null);
    }

    private static ChainVerification broken(List<HistoryEntry> entries, long seq, String problem) {
        return new ChainVerification(false, entries.size(), seq, problem);
    }
}
