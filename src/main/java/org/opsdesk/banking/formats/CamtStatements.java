package org.opsdesk.banking.formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.CamtStatement.Balance;
import org.opsdesk.banking.formats.CamtStatement.Entry;
import org.opsdesk.banking.formats.CamtStatement.Transaction;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/**
 * Builds the neutral statements from camt data of any version. Only booked entries count ({@code BOOK}; pending
 * and information-only entries are left out with a warning). A batch entry whose transaction details each carry
 * an amount in the entry's currency, adding up to the entry's amount, becomes one entry per transaction; any other
 * entry stays one entry, described by its single transaction detail or by its own {@code AddtlNtryInf}.
 */
final class CamtStatements {

    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private final List<String> warnings = new ArrayList<>();

    List<String> warnings() {
        return warnings;
    }

    ParsedStatement statement(int index, CamtStatement camt) {
        String field = "statements[" + index + "]";
        String account = AccountIdentifiers.normalise(camt.account());
        if (account == null) {
            throw new StatementFileRefused(Reason.MALFORMED, field + ".account", "names no account (IBAN or Othr/Id)");
        }
        List<ParsedEntry> entries = new ArrayList<>();
        for (int i = 0; i < camt.entries().size(); i++) {
            Entry entry = camt.entries().get(i);
            if (entry.status() != null && !entry.status().equals("BOOK")) {
                warnings.add(field + ".entries[" + i + "] is " + entry.status() + ", not booked, and was left out");
                continue;
            }
            entries.addAll(entries(field + ".entries[" + entries.size() + "]", entry));
        }
        LocalDate from = camt.from() != null
                ? camt.from()
                : entries.stream()
                        .map(ParsedEntry::bookingDate)
                        .min(LocalDate::compareTo)
                        .orElse(null);
        LocalDate to = camt.to() != null
                ? camt.to()
                : entries.stream()
                        .map(ParsedEntry::bookingDate)
                        .max(LocalDate::compareTo)
                        .orElse(null);
        return new ParsedStatement(
                account,
                Objects.requireNonNullElse(camt.id(), ""),
                camt.sequence(),
                from,
                to,
                balance(field + ".openingBalance", camt.balances(), "OPBD", "PRCD"),
                balance(field + ".closingBalance", camt.balances(), "CLBD"),
                entries);
    }

    private static @Nullable Money balance(String field, List<Balance> balances, String... types) {
        for (String type : types) {
            for (Balance balance : balances) {
                if (type.equals(balance.type())) {
                    Money money =
                            Amounts.money(field, balance.amount(), Objects.requireNonNullElse(balance.currency(), ""));
                    return balance.credit() ? money : new Money(money.amount().negate(), money.currency());
                }
            }
        }
        return null;
    }

    private List<ParsedEntry> entries(String field, Entry entry) {
        CurrencyCode currency = Amounts.currency(field + ".amount", entry.currency());
        Money amount = Amounts.money(field + ".amount", entry.amount(), currency);
        if (entry.credit() == null) {
            throw new StatementFileRefused(Reason.MALFORMED, field, "has no CdtDbtInd");
        }
        Direction direction = entry.credit() ? Direction.CREDIT : Direction.DEBIT;
        List<Transaction> details = entry.transactions();
        if (details.size() > 1 && splits(details, amount)) {
            List<ParsedEntry> split = new ArrayList<>();
            for (Transaction detail : details) {
                Money part = Amounts.money(field + ".amount", detail.amount(), currency);
                split.add(entry(field, entry, part, direction, detail));
            }
            return split;
        }
        if (details.size() > 1) {
            warnings.add(field + " holds " + details.size() + " transaction details without amounts that add up to the"
                    + " entry's " + amount + "; kept as one entry");
        }
        return List.of(entry(field, entry, amount, direction, details.size() == 1 ? details.get(0) : null));
    }

    private static boolean splits(List<Transaction> details, Money amount) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Transaction detail : details) {
            if (detail.amount() == null || !amount.currency().code().equals(detail.currency())) {
                return false;
            }
            sum = sum.add(detail.amount());
        }
        return sum.compareTo(amount.amount()) == 0;
    }

    private static ParsedEntry entry(
            String field, Entry entry, Money amount, Direction direction, @Nullable Transaction detail) {
        LocalDate booking = entry.bookingDate() != null ? entry.bookingDate() : entry.valueDate();
        if (booking == null) {
            throw new StatementFileRefused(Reason.MALFORMED, field + ".bookingDate", "has neither BookgDt nor ValDt");
        }
        Counterparty counterparty = detail == null
                ? Counterparty.NONE
                : direction == Direction.CREDIT ? detail.debtor() : detail.creditor();
        String endToEnd = detail == null ? null : detail.endToEndId();
        String remittance = Texts.first(
                detail == null ? null : detail.remittance(),
                detail == null ? null : detail.additionalInfo(),
                entry.additionalInfo());
        String bankReference = Texts.first(
                detail == null ? null : detail.bankReference(), entry.bankReference(), entry.entryReference());
        String raw = Texts.join(Stream.of(
                direction == Direction.CREDIT ? "CRDT" : "DBIT",
                amount.toString(),
                "booked " + booking,
                entry.entryReference() == null ? null : "NtryRef " + entry.entryReference(),
                bankReference == null ? null : "AcctSvcrRef " + bankReference,
                endToEnd == null ? null : "EndToEndId " + endToEnd,
                counterparty.name(),
                counterparty.iban(),
                remittance));
        return new ParsedEntry(
                booking,
                entry.valueDate(),
                amount,
                direction,
                counterparty,
                remittance,
                endToEnd == null || endToEnd.equalsIgnoreCase(NOT_PROVIDED) ? null : endToEnd,
                bankReference,
                Objects.requireNonNullElse(raw, ""));
    }
}
