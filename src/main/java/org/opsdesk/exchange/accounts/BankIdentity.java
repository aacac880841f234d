package org.opsdesk.exchange.accounts;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Iban;

/**
 * Which bank holds an account, as far as its number and BIC tell: the IBAN's country and bank code
 * ({@code iban:PL:114}), and the BIC's institution code and country ({@code bic:BREX:PL}). Two accounts are at the
 * same bank when they share one of these keys — so an office account with an IBAN pairs with a client's IBAN at
 * the same bank, and one with a BIC pairs with a client's domestic number given with a BIC of the same bank.
 */
record BankIdentity(Set<String> keys) {

    BankIdentity {
        keys = Set.copyOf(keys);
    }

    static BankIdentity of(@Nullable Iban iban, @Nullable String bic) {
        var keys = new LinkedHashSet<String>();
        if (iban != null && !iban.bankCode().isEmpty()) {
            keys.add("iban:" + iban.countryCode() + ":" + iban.bankCode());
        }
        if (bic != null && bic.length() >= 6) {
            keys.add("bic:" + bic.substring(0, 4) + ":" + bic.substring(4, 6));
        }
        return new BankIdentity(keys);
    }

    boolean sameBankAs(BankIdentity other) {
        return keys.stream().anyMatch(other.keys::contains);
    }

    boolean known() {
        return !keys.isEmpty();
    }

    /** The bank's code as shown beside an account: the IBAN's bank code, or the BIC's institution and country. */
    static String shownCode(@Nullable Iban iban, @Nullable String bic) {
        if (iban != null && !iban.bankCode().isEmpty()) {
            return iban.bankCode();
        }
        return bic == null ? "" : bic.substring(0, 6);
    }
}
