package org.opsdesk.exchange.accounts;

import java.util.Locale;
import org.opsdesk.shared.ProblemException.FieldError;

/**
 * Why a field of a bank account was refused: the English text the API answers with, and the message key the
 * console shows in the operator's language ({@code bankAccounts.error.<code>}). IBAN and BIC refusals come worded
 * by {@link org.opsdesk.shared.Iban}; {@link #of} recognises them by their words.
 */
enum FieldReason {
    REQUIRED("is required"),
    BANK_NAME_LENGTH("1 to 100 characters"),
    BANK_NAME_CHARACTERS("letters, digits, spaces and . , & ' ( ) - / only"),
    ONE_NUMBER("give either an iban or an accountNumber, not both"),
    NO_NUMBER("give an iban or an accountNumber"),
    ACCOUNT_NUMBER_CHARACTERS("letters and digits only (spaces and dashes are dropped)"),
    ACCOUNT_NUMBER_LENGTH("5 to 34 letters and digits"),
    ACCOUNT_NUMBER_IS_IBAN("this is an IBAN: give it as iban"),
    ACCOUNT_NUMBER_LOOKS_LIKE_IBAN("looks like an IBAN but is not a valid one (a typo?): check it and give it as iban"),
    BIC_NEEDED("is required with an account number: it names the bank"),
    CURRENCY_UNKNOWN("is not a known ISO 4217 or configured currency"),
    PURPOSE("one of incoming, payout, both"),
    DUPLICATE("the office has an account with this number already"),
    DEFAULT_INCOMING("only an enabled account for incoming payments (incoming or both) can be their default"),
    DEFAULT_PAYOUT("only an enabled account for payouts (payout or both) can be their default"),
    IBAN_CHECK_DIGITS("is not a valid IBAN: the check digits do not match"),
    IBAN_COUNTRY("is not a valid IBAN: unknown or unsupported country code"),
    IBAN_FORMAT("is not a valid IBAN"),
    BIC("is not a valid BIC"),
    OTHER("is not valid");

    private final String english;

    FieldReason(String english) {
        this.english = english;
    }

    String english() {
        return english;
    }

    /** The key of the operator's-language text, {@code bankAccounts.error.<code>}. */
    String messageKey() {
        return "bankAccounts.error." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason an error names: one of ours by its text, or an IBAN/BIC refusal by its words. */
    static FieldReason of(FieldError error) {
        String message = error.message();
        for (FieldReason reason : values()) {
            if (reason.english.equals(message)) {
                return reason;
            }
        }
        if (message.contains("valid BIC")) {
            return BIC;
        }
        if (message.contains("check digits")) {
            return IBAN_CHECK_DIGITS;
        }
        if (message.contains("unsupported country")) {
            return IBAN_COUNTRY;
        }
        if (message.contains("valid IBAN")) {
            return IBAN_FORMAT;
        }
        return message.equals("is required") ? REQUIRED : OTHER;
    }
}
