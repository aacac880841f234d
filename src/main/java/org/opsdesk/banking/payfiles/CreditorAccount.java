package org.opsdesk.banking.payfiles;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The account a payout goes to: an IBAN (every SEPA country and most others), or, for countries without IBANs
 * (the US, Canada, Australia, India…), a domestic account number with the bank's clearing system member id (an ABA
 * routing number, a sort code, a BSB, an IFSC…) — a creditor BIC may stand in for the clearing code.
 */
public sealed interface CreditorAccount {

    /** An account known by its IBAN, as typed (spaces allowed; {@link PayoutBatchCheck} compacts it). */
    record ByIban(String iban) implements CreditorAccount {
        public ByIban {
            Objects.requireNonNull(iban);
        }
    }

    /**
     * A domestic account number ({@code CdtrAcct/Id/Othr/Id}, scheme {@code BBAN}) at a bank named by its clearing
     * system ({@code ClrSysId/Cd}, an ISO 20022 external code such as {@code USABA}, {@code GBDSC}, {@code CACPA},
     * {@code AUBSB}, {@code INFSC}) and member id; both clearing fields or neither.
     */
    record Domestic(String accountNumber, @Nullable String clearingSystem, @Nullable String clearingMemberId)
            implements CreditorAccount {
        public Domestic {
            Objects.requireNonNull(accountNumber);
        }
    }
}
