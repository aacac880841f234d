package org.opsdesk.banking.payouts;

import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;

/** German IBANs at a chosen bank code: an office account and its clients at one bank pair by it. */
public final class PayoutIbans {

    private PayoutIbans() {}

    /** A German IBAN at {@code bank} (8 digits) with a random account number, in electronic form. */
    public static String german(String bank) {
        var bban = new StringBuilder(bank);
        for (int i = 0; i < 10; i++) {
            bban.append(ThreadLocalRandom.current().nextInt(10));
        }
        var digits = new StringBuilder();
        for (char c : (bban + "DE00").toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return "DE" + String.format("%02d", check) + bban;
    }
}
