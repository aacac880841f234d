package org.opsdesk.banking.payfiles;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One transfer of a batch, for one order (or one refund).
 *
 * @param endToEndId the order's reference that travels with the money and comes back on the office's statement (the
 *     key that confirms the item), unique within the batch, at most 35 characters of the SEPA set
 * @param creditorName who receives the money, at most 70 characters (the SEPA limit)
 * @param creditorAccount where: an IBAN, or an account number with its bank's clearing code
 * @param creditorBic the creditor's bank when known
 * @param amount positive, with no more decimals than the batch currency has
 * @param remittance the text the creditor sees, at most 140 characters
 * @param purpose an ISO 20022 external purpose code (four capital letters, e.g. {@code SALA}), when the bank wants one
 * @param creditorAddress the creditor's address, which banks ask for on transfers outside SEPA
 */
public record PayoutItem(
        String endToEndId,
        String creditorName,
        CreditorAccount creditorAccount,
        @Nullable String creditorBic,
        BigDecimal amount,
        String remittance,
        @Nullable String purpose,
        @Nullable PostalAddress creditorAddress) {

    public PayoutItem {
        Objects.requireNonNull(endToEndId);
        Objects.requireNonNull(creditorName);
        Objects.requireNonNull(creditorAccount);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(remittance);
    }
}
