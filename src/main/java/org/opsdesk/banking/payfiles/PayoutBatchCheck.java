package org.opsdesk.banking.payfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.payfiles.PayoutFileError.Reason;

/**
 * Decides whether a {@link PayoutBatch} can go to a bank, reporting every problem at once as typed field errors,
 * and gives the batch as the files will carry it. The limits are SEPA's (EPC implementation guidelines) where they
 * are stricter than ISO 20022's: names of 70 characters, remittance of 140, the basic Latin character set.
 */
public final class PayoutBatchCheck {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    // ISO 20022 amounts and CtrlSum have at most 18 digits in all.
    static final int MAX_DIGITS = 18;

    private PayoutBatchCheck() {}

    /**
     * The batch as the files carry it.
     *
     * @throws InvalidPayoutBatch with every problem found
     */
    public static CheckedPayoutBatch check(PayoutBatch batch) {
        var checks = new FieldChecks();
        String messageId = checks.identifier("messageId", batch.messageId());
        PayoutDebtor debtor = debtor(checks, batch.debtor());
        boolean knownCurrency = currency(checks, batch.currency().code());
        if (batch.requestedExecutionDate().isBefore(LocalDate.ofInstant(batch.createdAt(), ZoneOffset.UTC))) {
            checks.problem("requestedExecutionDate", Reason.PAST_DATE, "is before the day the file is created (UTC)");
        }
        if (batch.items().isEmpty()) {
            checks.problem("items", Reason.EMPTY_BATCH, "a payout file needs at least one item");
        }
        var items = new ArrayList<PayoutItem>();
        Set<String> endToEndIds = new HashSet<>();
        for (int i = 0; i < batch.items().size(); i++) {
            PayoutItem item = new PayoutItemCheck(checks, "items[" + i + "].", batch.currency())
                    .check(batch.items().get(i), endToEndIds);
            if (item != null) {
                items.add(item);
            }
        }
        BigDecimal controlSum = items.stream().map(PayoutItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (controlSum.precision() > MAX_DIGITS) {
            checks.problem("items", Reason.TOO_LARGE, "the total has more than " + MAX_DIGITS + " digits");
        }
        if (!checks.problems().isEmpty() || messageId == null || debtor == null || !knownCurrency) {
            throw new InvalidPayoutBatch(checks.problems());
        }
        var checked = new PayoutBatch(
                messageId, batch.createdAt(), debtor, batch.requestedExecutionDate(), batch.currency(), items);
        return new CheckedPayoutBatch(checked, controlSum, sepa(checked));
    }

    private static @Nullable PayoutDebtor debtor(FieldChecks checks, PayoutDebtor debtor) {
        String name = checks.text("debtor.name", debtor.name(), 70, true);
        String iban = checks.iban("debtor.iban", debtor.iban());
        String bic = checks.bic("debtor.bic", debtor.bic());
        PostalAddress address = debtor.address() == null ? null : checks.address("debtor.address.", debtor.address());
        if (name == null || iban == null || (debtor.address() != null && address == null)) {
            return null;
        }
        return new PayoutDebtor(name, iban, bic, address);
    }

    private static boolean currency(FieldChecks checks, String code) {
        if (checks.code("currency", code, CURRENCY, "an ISO 4217 code of three capitals", true) == null) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            checks.problem("currency", Reason.INVALID_CODE, "'" + code + "' is not an ISO 4217 currency");
            return false;
        }
    }

    private static boolean sepa(PayoutBatch batch) {
        return batch.currency().code().equals("EUR")
                && SepaArea.includes(batch.debtor().iban().substring(0, 2))
                && batch.items().stream()
                        .allMatch(item -> item.creditorAccount() instanceof CreditorAccount.ByIban byIban
                                && SepaArea.includes(byIban.iban().substring(0, 2)));
    }
}
