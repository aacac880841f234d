package org.opsdesk.banking.matching;

/** The rule that found an entry's order, in the order the rules are tried. */
public enum MatchRule {
    /** The order's payment reference in the remittance text. */
    REFERENCE,
    /** The amount, currency and payer IBAN of one order whose payment window holds the booking date. */
    AMOUNT_AND_PAYER,
    /** No rule found an order. */
    NONE
}
