package org.opsdesk.banking.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The dialects of the MT940 :86: narrative, as tables: each dialect is recognised by its first characters and
 * marks its sub-fields with a delimiter pattern ({@code /TAG/}, {@code ?NN}, {@code >NN}, {@code KEY:}); a table
 * says which sub-field carries the counterparty's name, account and BIC, the remittance text and the end-to-end
 * id. Sub-field values are cut at the next delimiter, so a bank's fixed-width line breaks (which fall inside
 * words) are first undone: a full 65-character line joins the next without a space.
 */
final class Narratives {

    private static final int SWIFT_LINE = 65;
    private static final Pattern SEPA_PREFIX =
            Pattern.compile("(EREF\\+|KREF\\+|MREF\\+|CRED\\+|DEBT\\+|OAMT\\+|COAM\\+|SVWZ\\+|ABWA\\+|ABWE\\+|MTLG:)");
    private static final Pattern SLASH_TAG = Pattern.compile(
            "/(TRTP|IBAN|BIC|NAME|REMI|EREF|CNTP|ORDP|BENM|MARF|CSID|PREF|RTRN|ISDT|ADDR|OCMT|CHGS|USTD|STRD|CUR|ID|SUM|OSDR|PURP|ULTC|ULTD|SVCL)(?=/)");
    private static final Pattern GERMAN = Pattern.compile("\\?(\\d{2})");
    private static final Pattern TRIODOS = Pattern.compile(">(\\d{2})");
    private static final Pattern POLISH = Pattern.compile(";\\s*(NA RACH\\.|Z RACH\\.|DLA|OD|TYT\\.|TNR):");
    private static final Pattern POLISH_KEY = Pattern.compile(";\\s*(\\p{Lu}[\\p{Lu}. ]{0,24}):");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)NOTPROVIDED|NONREF|0+");
    private static final Pattern LABELLED =
            Pattern.compile("\\b(IBAN|BIC|NAAM|OMSCHRIJVING|BETALINGSKENM\\.|KENMERK|AUFTRAGGEBER|MITTEILUNGEN):");

    private Narratives() {}

    static Narrative read(String narrative) {
        String text = unwrap(narrative);
        Narrative read = interpret(text);
        if (read.remittance() != null || text.isEmpty()) {
            return read;
        }
        return new Narrative(read.name(), read.account(), read.bic(), text, read.endToEndId(), read.bankReference());
    }

    private static Narrative interpret(String text) {
        if (text.startsWith("/")) {
            return slashTagged(split(text, SLASH_TAG));
        }
        if (text.matches("(?s)\\d{3}\\?.*")) {
            return german(split(text, GERMAN));
        }
        if (text.matches("(?s)\\d{3}>.*")) {
            return triodos(split(text, TRIODOS));
        }
        if (POLISH.matcher(text).find()) {
            return polish(split(text, POLISH_KEY));
        }
        var labelled = split(text, LABELLED);
        if (labelled.size() > 1) {
            return new Narrative(
                    Texts.first(labelled.get("NAAM"), labelled.get("AUFTRAGGEBER")),
                    labelled.get("IBAN"),
                    labelled.get("BIC"),
                    Texts.first(
                            labelled.get("OMSCHRIJVING"),
                            labelled.get("BETALINGSKENM."),
                            labelled.get("MITTEILUNGEN"),
                            text),
                    null,
                    null);
        }
        return new Narrative(null, null, null, text, null, null);
    }

    /** {@code /EREF/…/CNTP/IBAN/BIC/NAME/CITY/REMI/USTD//text/} (ING, Rabobank, ABN AMRO SEPA, HSBC). */
    private static Narrative slashTagged(Map<String, String> tags) {
        String[] counterparty = tags.getOrDefault("CNTP", "").split("/", -1);
        String eref = tags.get("EREF");
        return new Narrative(
                Texts.first(tags.get("NAME"), part(counterparty, 2)),
                Texts.first(tags.get("IBAN"), part(counterparty, 0)),
                Texts.first(tags.get("BIC"), part(counterparty, 1)),
                Texts.join(Stream.of(tags.get("REMI"), tags.get("USTD"), tags.get("CUR"))),
                meaningful(eref),
                null);
    }

    /** German GVC: {@code ?00} posting text, {@code ?20–?29}/{@code ?60–?63} purpose, {@code ?30} BIC, ... */
    private static Narrative german(Map<String, String> fields) {
        StringBuilder purpose = new StringBuilder();
        fields.forEach((key, value) -> {
            int number = key.isEmpty() ? -1 : Integer.parseInt(key);
            if ((number >= 20 && number <= 29) || (number >= 60 && number <= 63)) {
                purpose.append(value);
            }
        });
        Map<String, String> sepa = split(purpose.toString(), SEPA_PREFIX);
        return new Narrative(
                Texts.first(fields.getOrDefault("32", "") + fields.getOrDefault("33", "")),
                fields.get("31"),
                fields.get("30"),
                Texts.first(sepa.get("SVWZ+"), purpose.toString(), fields.get("00")),
                meaningful(sepa.get("EREF+")),
                null);
    }

    /**
     * Triodos: {@code >10} the counter account (zeros when there is none), {@code >20–>29} the description — for a
     * SEPA payment {@code >20} the counterparty's BIC and {@code >21} its IBAN first — and {@code >31} the
     * statement's own account.
     */
    private static Narrative triodos(Map<String, String> fields) {
        String bic = fields.getOrDefault("20", "").strip();
        boolean sepa = BIC.matcher(bic).matches() && fields.containsKey("21");
        StringBuilder description = new StringBuilder();
        fields.forEach((key, value) -> {
            int number = key.isEmpty() ? -1 : Integer.parseInt(key);
            if (number >= (sepa ? 22 : 20) && number <= 29) {
                description.append(value);
            }
        });
        return new Narrative(
                null,
                sepa ? fields.get("21") : meaningful(fields.get("10")),
                sepa ? bic : null,
                Texts.clean(description.toString()),
                null,
                null);
    }

    /** A reference that says something: not NOTPROVIDED, NONREF or all zeros. */
    static @Nullable String meaningful(@Nullable String reference) {
        String cleaned = Texts.clean(reference);
        return cleaned == null || PLACEHOLDER.matcher(cleaned).matches() ? null : cleaned;
    }

    /** mBank and other Polish banks: {@code NNN TYPE; NA RACH.: …; DLA: …; TYT.: …; TNR: …}. */
    private static Narrative polish(Map<String, String> fields) {
        return new Narrative(
                Texts.first(fields.get("DLA"), fields.get("OD")),
                Texts.first(fields.get("NA RACH."), fields.get("Z RACH.")),
                null,
                Texts.first(fields.get("TYT."), fields.get("")),
                null,
                fields.get("TNR"));
    }

    private static @Nullable String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : null;
    }

    /**
     * The text split at each delimiter match: group 1 of the match is the key, the value runs to the next match
     * (slashes around it trimmed; spaces kept, for a sub-field may start or end mid-word). Text before the first delimiter is kept under the empty key. A key seen twice
     * keeps its first value.
     */
    static Map<String, String> split(String text, Pattern delimiter) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = delimiter.matcher(text);
        List<int[]> marks = new ArrayList<>();
        while (matcher.find()) {
            marks.add(new int[] {matcher.start(), matcher.end(), matcher.start(1), matcher.end(1)});
        }
        if (marks.isEmpty() || marks.get(0)[0] > 0) {
            values.put(
                    "",
                    text.substring(0, marks.isEmpty() ? text.length() : marks.get(0)[0])
                            .strip());
        }
        for (int i = 0; i < marks.size(); i++) {
            int[] mark = marks.get(i);
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length();
            String key = text.substring(mark[2], mark[3]);
            String value = text.substring(mark[1], end).replaceAll("^/+|/+$", "");
            values.putIfAbsent(key, value);
        }
        return values;
    }

    /** Undoes fixed-width wrapping: a full SWIFT line continues on the next without a space. */
    private static String unwrap(String narrative) {
        StringBuilder text = new StringBuilder();
        String[] lines = narrative.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            text.append(lines[i]);
            if (i + 1 < lines.length && lines[i].length() < SWIFT_LINE) {
                text.append(' ');
            }
        }
        return text.toString().strip();
    }
}
