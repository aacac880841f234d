package org.opsdesk.bench.statements;

import java.math.BigInteger;

/** Valid Polish IBANs made from a number (the benchmark's payers and payees), mBank's sort code. */
final class Ibans {

    private Ibans() {}

    static String polish(long n) {
        String bban = "11402004" + String.format("%016d", Math.abs(n) % 10_000_000_000_000_000L);
        var digits = new StringBuilder();
        for (char c : (bban + "PL00").toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return "PL" + String.format("%02d", check) + bban;
    }
}
