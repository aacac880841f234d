package org.opsdesk.banking.matching;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.opsdesk.exchange.PaymentOrders.Payment;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Component;

/** An entry as the payment applied to an order, with the evidence in a sentence the order's history shows. */
@Component
class EntryPayments {

    private final Currencies currencies;

    EntryPayments(Currencies currencies) {
        this.currencies = currencies;
    }

    /** The entry's amount in its currency (an unknown currency is the import's bug, not the cashier's). */
    Money money(EntryToMatch entry, BigDecimal amount) {
        var currency = currencies
                .find(entry.currency())
                .orElseThrow(() -> new IllegalStateException("entry in an unknown currency: " + entry.currency()));
        return new Money(amount, currency);
    }

    Payment payment(EntryToMatch entry, String rule, Map<String, Object> evidence, BigDecimal paidInTotal) {
        return new Payment(
                entry.id(),
                entry.bankReference(),
                money(entry, entry.amount()),
                money(entry, paidInTotal),
                entry.bookingDate(),
                rule,
                describe(evidence));
    }

    /** {@code the remittance text "…" holds RF18 5390… (written "…")}; the fields compared. */
    @SuppressWarnings("unchecked")
    static String describe(Map<String, Object> evidence) {
        var text = new StringBuilder();
        var references = (List<Map<String, Object>>) evidence.get("references");
        if (references != null) {
            text.append("the remittance text \"")
                    .append(evidence.get("remittance"))
                    .append("\" holds");
            references.forEach(r -> text.append(' ')
                    .append(r.get("reference"))
                    .append(" (written \"")
                    .append(r.get("asWritten"))
                    .append("\")"));
            text.append("; ");
        }
        if (evidence.get("payerIban") != null) {
            text.append("payer IBAN ").append(evidence.get("payerIban")).append(" is the order's; ");
        }
        text.append("entry ").append(evidence.get("entry"));
        if (evidence.get("order") != null) {
            text.append("; order ").append(evidence.get("order"));
        }
        return text.toString();
    }
}
