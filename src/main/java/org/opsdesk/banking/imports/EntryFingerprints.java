package org.opsdesk.banking.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.ParsedEntry;

/**
 * The identity of each entry of a statement, the same whenever the bank reports the entry again (the same statement
 * imported twice, an overlapping statement): a SHA-256 of what the bank says about it — booking date, amount and
 * currency, direction, bank reference, end-to-end id, remittance — and its occurrence among the statement's entries
 * with those same facts, so that two genuinely identical payments in one statement are two entries.
 */
final class EntryFingerprints {

    private EntryFingerprints() {}

    /** One fingerprint per entry, in the statement's order. */
    static List<byte[]> of(List<ParsedEntry> entries) {
        Map<String, Integer> seen = new HashMap<>();
        List<byte[]> fingerprints = new ArrayList<>(entries.size());
        for (ParsedEntry entry : entries) {
            String facts = facts(entry);
            int occurrence = seen.merge(facts, 1, Integer::sum) - 1;
            fingerprints.add(sha256(facts + "\u001f#" + occurrence));
        }
        return fingerprints;
    }

    private static String facts(ParsedEntry entry) {
        return String.join(
                "\u001f",
                entry.bookingDate().toString(),
                entry.amount().amount().toPlainString(),
                entry.amount().currency().code(),
                entry.direction().name(),
                text(entry.bankReference()),
                text(entry.endToEndId()),
                text(entry.remittance()));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
