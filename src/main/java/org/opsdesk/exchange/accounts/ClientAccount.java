package org.opsdesk.exchange.accounts;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.InvalidInput;

/**
 * A client's account, as far as pairing needs it: where they pay from or are paid to. Either an IBAN (its bank
 * code names the bank) or a domestic account number, with an optional BIC (its institution and country code name
 * the bank); a domestic number without a BIC names no bank, and then pairing takes the currency's default.
 */
public final class ClientAccount {

    private final BankIdentity bank;
    private final String number;

    private ClientAccount(BankIdentity bank, String number) {
        this.bank = bank;
        this.number = number;
    }

    /**
     * Reads a client's account as given, checking the IBAN (country length and mod-97), the account number and
     * the BIC like the office's own.
     *
     * @param field the JSON path of the account in the request, such as {@code payFrom}; errors name
     *     {@code <field>.iban}, {@code <field>.accountNumber} or {@code <field>.bic}
     * @throws InvalidInput when neither or both numbers are given, or one is not valid
     */
    public static ClientAccount parse(
            String field, @Nullable String iban, @Nullable String accountNumber, @Nullable String bic) {
        String checkedBic = blank(bic) ? null : Iban.parseBic(field + ".bic", bic);
        if (!blank(iban) && !blank(accountNumber)) {
            throw InvalidInput.of(field + ".iban", FieldReason.ONE_NUMBER.english());
        }
        if (!blank(iban)) {
            Iban parsed = Iban.parse(field + ".iban", iban);
            return new ClientAccount(BankIdentity.of(parsed, checkedBic), parsed.value());
        }
        if (!blank(accountNumber)) {
            var parsed = AccountNumber.parse(field + ".accountNumber", accountNumber);
            return new ClientAccount(BankIdentity.of(null, checkedBic), parsed.value());
        }
        throw InvalidInput.of(field + ".iban", FieldReason.NO_NUMBER.english());
    }

    /** A client whose account is not known (yet): pairing takes the currency's default. */
    static ClientAccount unknown() {
        return new ClientAccount(BankIdentity.of(null, null), "");
    }

    /** The client's IBAN. */
    public static ClientAccount iban(String iban) {
        return parse("account", iban, null, null);
    }

    /** The account number, in electronic form (upper case, no spaces or dashes). */
    public String number() {
        return number;
    }

    BankIdentity bank() {
        return bank;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return number;
    }
}
