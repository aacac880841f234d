package org.opsdesk.banking.payfiles;

/**
 * Why a batch cannot be written: the field (a path such as {@code items[2].creditorAccount.iban}), the kind of
 * problem as a type callers can branch on, and an English sentence for people.
 */
public record PayoutFileError(String field, Reason reason, String message) {

    /** The kinds of problem {@link PayoutBatchCheck} finds. */
    public enum Reason {
        /** Empty or blank where a value is needed. */
        REQUIRED,
        /** A batch without items. */
        EMPTY_BATCH,
        /** Longer than the field allows. */
        TOO_LONG,
        /** A character outside the SEPA set that has no Latin transliteration. */
        CHARACTER,
        /** Not an IBAN: structure or check digits (iban4j). */
        INVALID_IBAN,
        /** Not a BIC a pain.001 accepts. */
        INVALID_BIC,
        /** Not a code of the expected form (currency, country, purpose, clearing system, account number). */
        INVALID_CODE,
        /** More decimals than the currency has. */
        SCALE,
        /** Zero or negative. */
        NOT_POSITIVE,
        /** More digits than an ISO 20022 amount (18) can hold. */
        TOO_LARGE,
        /** An end-to-end id used twice in one batch. */
        DUPLICATE,
        /** A domestic account without a bank: no clearing code and no creditor BIC. */
        BANK_UNKNOWN,
        /** A requested execution date before the day the file is created (UTC): banks refuse past dates. */
        PAST_DATE
    }
}
