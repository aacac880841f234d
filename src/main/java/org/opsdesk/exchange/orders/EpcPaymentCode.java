package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.Money;

/**
 * The text of an EPC QR code (EPC069-12 "Quick Response Code: guidelines to enable data capture for the initiation of
 * a SEPA credit transfer", version 002): a banking app that scans it fills in the beneficiary, IBAN, amount and the
 * structured creditor reference, so the client types nothing. Only for euro amounts of 0.01 to 999,999,999.99.
 */
public final class EpcPaymentCode {

    private static final BigDecimal MAX = new BigDecimal("999999999.99");
    private static final int MAX_NAME = 70;

    private EpcPaymentCode() {}

    /**
     * The payload's lines joined by LF, trailing empty elements left out as the guidelines allow.
     *
     * @param bic the beneficiary's BIC, optional in version 002 within the EEA
     * @param name the beneficiary's name, cut to the 70 characters the format holds
     */
    public static String text(@Nullable String bic, String name, Iban iban, Money amount, PaymentReference reference) {
        if (!amount.currency().code().equals("EUR")) {
            throw new IllegalArgumentException(
                    "an EPC QR code carries euro only, not " + amount.currency().code());
        }
        if (amount.amount().signum() <= 0 || amount.amount().compareTo(MAX) > 0) {
            throw new IllegalArgumentException("an EPC QR code carries 0.01 to 999999999.99 EUR, not " + amount);
        }
        String beneficiary = name.strip().replaceAll("[\\r\\n]+", " ");
        if (beneficiary.length() > MAX_NAME) {
            beneficiary = beneficiary.substring(0, MAX_NAME);
        }
        List<String> lines = new ArrayList<>(List.of(
                "BCD",
                "002",
                "1", // UTF-8
                "SCT",
                bic == null ? "" : bic,
                beneficiary,
                iban.value(),
                "EUR" + amount.amount().stripTrailingZeros().toPlainString(),
                "", // purpose code
                reference.value()));
        return String.join("\n", lines);
    }
}
