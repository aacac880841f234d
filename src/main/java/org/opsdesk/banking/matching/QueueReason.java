package org.opsdesk.banking.matching;

/** Why an entry waits in the payments queue for a cashier instead of confirming an order by itself. */
public enum QueueReason {
    /** The order's reference was found, but less than the order's amount was paid. */
    PARTIAL,
    /** The order's reference was found, but more than the order's amount was paid. */
    OVERPAID,
    /** Paid after the order's deadline: the order expired (or is about to), its rate no longer holds. */
    LATE,
    /** The rules found more than one order the payment may be for. */
    AMBIGUOUS,
    /** No order the payment may be for. */
    NO_CANDIDATE,
    /** No reference, but one order of this payer, amount and currency: a cashier confirms the guess. */
    NO_REFERENCE,
    /** The order's reference, in another currency than the order's. */
    WRONG_CURRENCY,
    /** The order's reference, but the order no longer waits for a payment (paid already, cancelled). */
    NOT_AWAITING
}
