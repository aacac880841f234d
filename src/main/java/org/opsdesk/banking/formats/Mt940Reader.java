package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.SwiftMessage;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.AmountContainer;
import com.prowidesoftware.swift.model.field.Field;
import com.prowidesoftware.swift.model.field.Field28;
import com.prowidesoftware.swift.model.field.Field28C;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/**
 * Reads MT940 statements with Prowide: {@link Mt940Envelope} hands over one FIN message per statement, Prowide
 * parses the blocks and fields ({@link Field61}, the balance fields), and this class walks block 4's tags in order
 * so that each :86: lands on the :61: before it. The :86: narrative is interpreted by {@link Narratives}.
 */
final class Mt940Reader {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd");
    private static final java.util.regex.Pattern NON_SWIFT = java.util.regex.Pattern.compile("(?m)^:NS:");

    private Mt940Reader() {}

    static ReadFile read(String text) {
        List<ParsedStatement> statements = new ArrayList<>();
        List<String> messages = Mt940Envelope.messages(text);
        for (int i = 0; i < messages.size(); i++) {
            statements.add(statement(i, parse(i, messages.get(i))));
        }
        return new ReadFile(StatementFormat.MT940, "MT940", statements, List.of());
    }

    private static SwiftMessage parse(int index, String message) {
        try {
            SwiftMessage parsed = MT940.parse(message).getSwiftMessage();
            if (parsed == null
                    || parsed.getBlock4() == null
                    || parsed.getBlock4().isEmpty()) {
                throw new StatementFileRefused(
                        Reason.MALFORMED, "statements[" + index + "]", "has no MT940 fields Prowide can read");
            }
            return parsed;
        } catch (StatementFileRefused refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            throw new StatementFileRefused(
                    Reason.MALFORMED, "statements[" + index + "]", "is not a readable MT940 message");
        }
    }

    private static ParsedStatement statement(int index, SwiftMessage message) {
        var builder = new StatementBuilder("statements[" + index + "]");
        for (Tag tag : message.getBlock4().getTags()) {
            builder.accept(tag);
        }
        return builder.build();
    }

    /** Collects one statement while block 4's tags go by. */
    private static final class StatementBuilder {
        private final String field;
        private String reference = "";
        private String account = "";
        private @Nullable String statementNumber;
        private @Nullable String sequence;
        private @Nullable Money opening;
        private @Nullable LocalDate openingDate;
        private @Nullable Money closing;
        private @Nullable LocalDate closingDate;
        private final List<List<Tag>> entries = new ArrayList<>();

        StatementBuilder(String field) {
            this.field = field;
        }

        void accept(Tag original) {
            String value = swiftPart(original.getValue());
            Tag tag = new Tag(original.getName(), value);
            switch (tag.getName()) {
                case "20" -> reference = value.strip();
                case "25", "25P" -> account = AccountIdentifiers.ofMt940Account(value.split("\r?\n")[0]);
                case "28C" ->
                    numbered(new Field28C(value).getStatementNumber(), new Field28C(value).getSequenceNumber());
                case "28" -> numbered(new Field28(value).getStatementNumber(), new Field28(value).getSequenceNumber());
                case "60F", "60M" -> {
                    opening = balance(tag, field + ".openingBalance");
                    openingDate = date(Field.getField(tag).getComponent(2));
                }
                case "61" -> {
                    entries.add(new ArrayList<>(List.of(original)));
                }
                case "62F", "62M" -> {
                    closing = balance(tag, field + ".closingBalance");
                    closingDate = date(Field.getField(tag).getComponent(2));
                    entries.add(new ArrayList<>()); // what follows the closing balance belongs to no entry
                }
                default -> {
                    if (!entries.isEmpty()) {
                        entries.get(entries.size() - 1).add(original);
                    }
                }
            }
        }

        private void numbered(@Nullable String number, @Nullable String sequenceNumber) {
            statementNumber = Texts.clean(number);
            sequence = Texts.clean(sequenceNumber);
        }

        ParsedStatement build() {
            if (opening == null || closing == null) {
                throw new StatementFileRefused(
                        Reason.TRUNCATED,
                        field,
                        "the MT940 statement lacks its opening (:60F:) or closing (:62F:) balance");
            }
            List<ParsedEntry> read = new ArrayList<>();
            for (List<Tag> tags : entries) {
                if (!tags.isEmpty() && tags.get(0).getName().equals("61")) {
                    read.add(Mt940Entries.entry(field + ".entries[" + read.size() + "]", tags, opening.currency()));
                }
            }
            String id = statementNumber == null ? reference : reference + "/" + statementNumber;
            return new ParsedStatement(account, id, sequence, openingDate, closingDate, opening, closing, read);
        }

        private static Money balance(Tag tag, String field) {
            Field balance = Field.getField(tag);
            if (!(balance instanceof AmountContainer amount) || balance.getComponent(3) == null) {
                throw new StatementFileRefused(Reason.MALFORMED, field, "is not a readable balance: " + tag.getValue());
            }
            CurrencyCode currency = Amounts.currency(field, balance.getComponent(3));
            Money money = Amounts.money(field, amount.amount(), currency);
            return "D".equals(balance.getComponent(1))
                    ? new Money(money.amount().negate(), currency)
                    : money;
        }
    }

    /**
     * A field's value without the non-SWIFT {@code :NS:} lines some banks add: Prowide knows no such tag and reads
     * them as continuation lines of the field before. The raw entry text keeps them.
     */
    static String swiftPart(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var nonSwift = NON_SWIFT.matcher(value);
        return nonSwift.find() ? value.substring(0, nonSwift.start()).stripTrailing() : value;
    }

    static @Nullable LocalDate date(@Nullable String yymmdd) {
        if (yymmdd == null || yymmdd.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(yymmdd.strip(), YYMMDD);
        } catch (DateTimeParseException e) {
            throw new StatementFileRefused(Reason.MALFORMED, "date", "'" + yymmdd + "' is not a YYMMDD date");
        }
    }
}
