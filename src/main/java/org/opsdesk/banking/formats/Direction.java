package org.opsdesk.banking.formats;

/** Which way an entry moved the account: money in ({@code CREDIT}) or out ({@code DEBIT}). */
public enum Direction {
    CREDIT,
    DEBIT;

    /** The entry's effect on the balance: {@code +1} for a credit, {@code -1} for a debit. */
    public int sign() {
        return this == CREDIT ? 1 : -1;
    }
}
