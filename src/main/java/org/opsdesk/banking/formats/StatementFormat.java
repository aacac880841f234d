package org.opsdesk.banking.formats;

/** The kind of file a statement came in, as recognised from its content. */
public enum StatementFormat {
    /** SWIFT MT940 customer statement, in any of the dialects banks send. */
    MT940,
    /** ISO 20022 camt.053 bank-to-customer statement (v02, v04 or v08). */
    CAMT_053,
    /** ISO 20022 camt.054 debit/credit notification (v02, v04 or v08); carries no balances. */
    CAMT_054,
    /** A bank's CSV export read through a saved column mapping. */
    CSV
}
