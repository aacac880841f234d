package org.opsdesk.banking.payfiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opsdesk.shared.CurrencyCode;

/**
 * A batch that passed {@link PayoutBatchCheck}: the values exactly as the files carry them (text in the SEPA set,
 * IBANs and BICs compacted, every amount at the currency's scale), its control sum, and whether it is a SEPA credit
 * transfer. Only the check creates one, so a writer never sees an unchecked batch.
 */
public final class CheckedPayoutBatch {

    private final PayoutBatch batch;
    private final BigDecimal controlSum;
    private final boolean sepa;

    CheckedPayoutBatch(PayoutBatch batch, BigDecimal controlSum, boolean sepa) {
        this.batch = batch;
        this.controlSum = controlSum;
        this.sepa = sepa;
    }

    public String messageId() {
        return batch.messageId();
    }

    public Instant createdAt() {
        return batch.createdAt();
    }

    public PayoutDebtor debtor() {
        return batch.debtor();
    }

    public LocalDate requestedExecutionDate() {
        return batch.requestedExecutionDate();
    }

    public CurrencyCode currency() {
        return batch.currency();
    }

    public List<PayoutItem> items() {
        return batch.items();
    }

    /** The sum of the items' amounts ({@code CtrlSum}), at the currency's scale. */
    public BigDecimal controlSum() {
        return controlSum;
    }

    /** How many transfers ({@code NbOfTxs}). */
    public int numberOfTransactions() {
        return batch.items().size();
    }

    /**
     * Whether every account involved is in the SEPA area and the currency is EUR: then the files ask for the SEPA
     * service level and charges {@code SLEV}; otherwise charges are shared ({@code SHAR}).
     */
    public boolean sepa() {
        return sepa;
    }
}
