package org.opsdesk.banking.payfiles;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The office as the payer of a batch: its name (also the initiating party), the IBAN of the office account the
 * money leaves from, the BIC of that account's bank when known ({@code NOTPROVIDED} is written otherwise, which
 * SEPA allows since 2016) and optionally its address.
 */
public record PayoutDebtor(String name, String iban, @Nullable String bic, @Nullable PostalAddress address) {

    public PayoutDebtor {
        Objects.requireNonNull(name);
        Objects.requireNonNull(iban);
    }
}
