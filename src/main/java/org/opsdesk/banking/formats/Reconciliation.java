package org.opsdesk.banking.formats;

import java.math.BigDecimal;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;
import org.opsdesk.shared.Money;

/**
 * A statement is consistent when its opening balance plus its credits minus its debits is its closing balance,
 * all in the account's currency. Statements without both balances (camt.054, CSV without a balance column) have
 * nothing to reconcile.
 */
final class Reconciliation {

    private Reconciliation() {}

    static void check(int index, ParsedStatement statement) {
        Money opening = statement.openingBalance();
        Money closing = statement.closingBalance();
        if (opening == null || closing == null) {
            return;
        }
        String field = "statements[" + index + "]";
        if (!opening.currency().equals(closing.currency())) {
            throw new StatementFileRefused(
                    Reason.CURRENCY_MISMATCH,
                    field + ".closingBalance",
                    "opens in " + opening.currency() + " but closes in " + closing.currency());
        }
        BigDecimal sum = opening.amount();
        for (int i = 0; i < statement.entries().size(); i++) {
            ParsedEntry entry = statement.entries().get(i);
            if (!entry.amount().currency().equals(opening.currency())) {
                throw new StatementFileRefused(
                        Reason.CURRENCY_MISMATCH,
                        field + ".entries[" + i + "].amount",
                        "is in " + entry.amount().currency() + " on a " + opening.currency() + " statement");
            }
            sum = sum.add(entry.signedAmount());
        }
        if (sum.compareTo(closing.amount()) != 0) {
            throw new StatementDoesNotReconcile(
                    index, statement.statementId(), new Money(sum, opening.currency()), closing);
        }
    }
}
