package org.opsdesk.banking.formats;

import org.opsdesk.shared.Money;

/**
 * A statement whose entries do not lead from its opening to its closing balance: the importer refuses the whole
 * file. {@link #difference()} is {@code closing − (opening + credits − debits)}.
 */
public final class StatementDoesNotReconcile extends StatementFileRefused {

    private final int statementIndex;
    private final Money difference;

    public StatementDoesNotReconcile(int statementIndex, String statementId, Money expected, Money closing) {
        super(
                Reason.NOT_RECONCILED,
                "statements[" + statementIndex + "].closingBalance",
                "statement " + statementId + " closes at " + closing + " but its opening balance and entries give "
                        + expected + " (difference "
                        + new Money(closing.amount().subtract(expected.amount()), closing.currency()) + ")");
        this.statementIndex = statementIndex;
        this.difference = new Money(closing.amount().subtract(expected.amount()), closing.currency());
        with("difference", difference.value())
                .with("currency", difference.currency().code());
    }

    public int statementIndex() {
        return statementIndex;
    }

    public Money difference() {
        return difference;
    }
}
