package org.opsdesk.banking.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/**
 * Cuts an MT940 file into one FIN message per statement that Prowide can parse — the only text handling done
 * here before Prowide reads the fields. Files come either as SWIFT messages (blocks 1, 2 and 4, block 4 closed by a dash and a brace, often
 * framed by SOH/ETX control characters) or as bare block-4 text with the bank's own habits around it: legacy
 * header lines ({@code 0000 …}, {@code 940 00}, ABN AMRO's {@code ABNANL2A}/{@code 940}, Rabobank's {@code
 * :940:}), {@code -} or {@code -XXX} terminators, or none at all. Bare statements are wrapped in a neutral
 * SWIFT envelope (blocks 1, 2 and 4).
 */
final class Mt940Envelope {

    private static final String ENVELOPE = "{1:F01OPSDESKXAXXX0000000000}{2:I940OPSDESKXXXXXN}{4:\r\n";
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern STATEMENT_START = Pattern.compile("(?m)^:20:");
    private static final Pattern CLOSING_BALANCE = Pattern.compile("(?m)^:62[FM]:");
    private static final Pattern ACCOUNT = Pattern.compile("(?m)^:25P?:");
    private static final Pattern OPENING_BALANCE = Pattern.compile("(?m)^:60[FM]:");
    private static final Pattern TERMINATOR = Pattern.compile("-(}|[A-Z0-9]{0,4})?");

    private Mt940Envelope() {}

    /** Whether the text looks like an MT940: a :20: and a :25: and an opening balance, each at a line start. */
    static boolean recognises(String text) {
        String plain = CONTROL.matcher(text).replaceAll("");
        return STATEMENT_START.matcher(plain).find()
                && ACCOUNT.matcher(plain).find()
                && OPENING_BALANCE.matcher(plain).find();
    }

    /** One FIN message text per statement, in file order. */
    static List<String> messages(String text) {
        String plain = LINE_BREAK.matcher(CONTROL.matcher(text).replaceAll("")).replaceAll("\r\n");
        return plain.contains("{4:") ? swiftMessages(plain) : bareStatements(plain);
    }

    private static List<String> swiftMessages(String text) {
        List<String> messages = new ArrayList<>();
        for (String part : text.split("(?=\\{1:)")) {
            if (part.isBlank()) {
                continue;
            }
            int body = part.indexOf("{4:");
            if (body < 0 || part.indexOf("\r\n-}", body) < 0) {
                throw truncated(messages.size(), "its SWIFT block 4 is not closed by '-}'");
            }
            messages.add(part.strip());
        }
        return messages;
    }

    private static List<String> bareStatements(String text) {
        var starts = STATEMENT_START.matcher(text);
        List<Integer> offsets = new ArrayList<>();
        while (starts.find()) {
            offsets.add(starts.start());
        }
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            int end = i + 1 < offsets.size() ? offsets.get(i + 1) : text.length();
            messages.add(ENVELOPE + body(text.substring(offsets.get(i), end), i) + "\r\n-}");
        }
        return messages;
    }

    /** The statement's lines up to its terminator; what follows the terminator is the next header's noise. */
    private static String body(String chunk, int index) {
        var closing = CLOSING_BALANCE.matcher(chunk);
        if (!closing.find()) {
            throw truncated(index, "it has no closing balance (:62F: or :62M:)");
        }
        List<String> kept = new ArrayList<>();
        boolean closed = false;
        for (String line : chunk.split("\r\n")) {
            if (closed && TERMINATOR.matcher(line.strip()).matches()) {
                break;
            }
            if (closed && !line.startsWith(":") && !line.isBlank() && isLegacyHeader(line)) {
                break;
            }
            closed |= line.startsWith(":62F:") || line.startsWith(":62M:");
            if (!line.isBlank()) {
                kept.add(line);
            }
        }
        return String.join("\r\n", kept);
    }

    /** Lines banks put between statements: {@code 0000 …}, {@code 940 00}, {@code ABNANL2A}, {@code :940:}. */
    private static boolean isLegacyHeader(String line) {
        String stripped = line.strip();
        return stripped.matches("\\d{3,4}( .*)?") || stripped.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    }

    private static StatementFileRefused truncated(int index, String why) {
        return new StatementFileRefused(
                Reason.TRUNCATED, "statements[" + index + "]", "the MT940 statement is cut off: " + why);
    }
}
