package org.opsdesk.exchange.accounts;

import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid IBANs that no other test uses: a real bank's sort code with a random account, and the ISO 13616 check
 * digits computed for it. The tests share one database, where an account number can be added once only.
 */
public final class TestIbans {

    /** mBank (bank code 114) and PKO BP (102) sort codes, each with its national check digit. */
    public static final String MBANK = "11402004";

    public static final String PKO = "10201026";

    private TestIbans() {}

    /** A Polish IBAN at the bank of this sort code, in electronic form. */
    public static String polish(String sortCode) {
        var account = new StringBuilder(sortCode);
        for (int i = 0; i < 16; i++) {
            account.append(ThreadLocalRandom.current().nextInt(10));
        }
        return withCheckDigits("PL", account.toString());
    }

    /** A German IBAN for this sort code (BLZ) and a random ten-digit account, in electronic form. */
    public static String german(String blz) {
        var account = new StringBuilder(blz);
        for (int i = 0; i < 10; i++) {
            account.append(ThreadLocalRandom.current().nextInt(10));
        }
        return withCheckDigits("DE", account.toString());
    }

    /** The same IBAN with its last digit changed: a typo the check digits catch. */
    public static String mistyped(String iban) {
        char last = iban.charAt(iban.length() - 1);
        return iban.substring(0, iban.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    public static String printed(String iban) {
        return Grouping.byFour(iban);
    }

    private static String withCheckDigits(String country, String bban) {
        var digits = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }
}
