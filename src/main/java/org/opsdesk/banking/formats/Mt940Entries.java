package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field61;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;
import org.opsdesk.shared.CurrencyCode;

/** One MT940 entry: a :61: read by Prowide's {@link Field61}, with the :86: (and :NS:) fields that follow it. */
final class Mt940Entries {

    /** :61: debit/credit marks; a reversal ({@code RC}, {@code RD}) moves the balance the other way. */
    private static final Map<String, Direction> MARKS = Map.of(
            "C", Direction.CREDIT,
            "D", Direction.DEBIT,
            "RC", Direction.DEBIT,
            "RD", Direction.CREDIT,
            "EC", Direction.CREDIT,
            "ED", Direction.DEBIT);

    /** :61: owner references that only point at the :86: (Rabobank, ING) or say there is none. */
    private static final java.util.Set<String> NO_REFERENCE = java.util.Set.of("NONREF", "EREF", "PREF", "MARF");

    private Mt940Entries() {}

    static ParsedEntry entry(String field, List<Tag> tags, CurrencyCode currency) {
        Field61 line = new Field61(Mt940Reader.swiftPart(tags.get(0).getValue()));
        Direction direction = MARKS.get(line.getDebitCreditMark());
        LocalDate valueDate = Mt940Reader.date(line.getValueDate());
        if (direction == null || valueDate == null || line.getAmountAsBigDecimal() == null) {
            throw new StatementFileRefused(
                    Reason.MALFORMED,
                    field,
                    "is not a readable :61: line: " + tags.get(0).getValue());
        }
        String narrative = tags.stream()
                .filter(tag -> tag.getName().equals("86"))
                .map(tag -> Mt940Reader.swiftPart(tag.getValue()))
                .collect(Collectors.joining("\r\n"));
        Narrative read = Narratives.read(narrative);
        String supplementary = line.getSupplementaryDetails();
        Counterparty counterparty =
                new Counterparty(read.name(), Texts.first(read.account(), accountIn(supplementary)), read.bic());
        return new ParsedEntry(
                bookingDate(line.getEntryDate(), valueDate),
                valueDate,
                Amounts.money(field + ".amount", line.getAmountAsBigDecimal(), currency),
                direction,
                counterparty,
                Texts.first(read.remittance(), narrative.isBlank() ? supplementary : null),
                read.endToEndId(),
                Texts.first(
                        reference(line.getReferenceOfTheAccountServicingInstitution()),
                        read.bankReference(),
                        reference(line.getReferenceForTheAccountOwner())),
                raw(tags));
    }

    /** The :61: entry date is MMDD; its year is the value date's, unless the two straddle a new year. */
    private static LocalDate bookingDate(@Nullable String mmdd, LocalDate valueDate) {
        if (mmdd == null || mmdd.isBlank()) {
            return valueDate;
        }
        MonthDay day = MonthDay.of(Integer.parseInt(mmdd.substring(0, 2)), Integer.parseInt(mmdd.substring(2, 4)));
        LocalDate sameYear = day.atYear(valueDate.getYear());
        if (sameYear.isAfter(valueDate.plusMonths(6))) {
            return sameYear.minusYears(1);
        }
        if (sameYear.isBefore(valueDate.minusMonths(6))) {
            return sameYear.plusYears(1);
        }
        return sameYear;
    }

    private static @Nullable String reference(@Nullable String reference) {
        String cleaned = Texts.clean(reference);
        return cleaned == null || NO_REFERENCE.contains(cleaned.toUpperCase(java.util.Locale.ROOT)) ? null : cleaned;
    }

    /** Rabobank puts the counterparty's IBAN or account number alone on the :61: supplementary line. */
    private static @Nullable String accountIn(@Nullable String supplementary) {
        String cleaned = Texts.clean(supplementary);
        return cleaned != null && cleaned.matches("([A-Z]{2}\\d{2}[A-Z0-9]{10,30}|P?\\d{7,12})") ? cleaned : null;
    }

    private static String raw(List<Tag> tags) {
        return tags.stream()
                .map(tag -> ":" + tag.getName() + ":" + tag.getValue())
                .collect(Collectors.joining("\r\n"));
    }
}
