package org.opsdesk.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random CPFs and CNPJs with valid check digits (modulo 11, as the Receita Federal computes them), so that every
 * test registers documents of its own in the database all test classes share.
 */
public final class BrazilianNumbers {

    private BrazilianNumbers() {}

    /** Eleven digits, the last two check digits; never eleven equal digits. */
    public static String cpf() {
        var random = ThreadLocalRandom.current();
        var digits = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        if (digits.chars().distinct().count() == 1) {
            return cpf();
        }
        digits.append(check(digits, 10));
        digits.append(check(digits, 11));
        return digits.toString();
    }

    /** Fourteen digits, the last two check digits. */
    public static String cnpj() {
        var random = ThreadLocalRandom.current();
        var digits = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            digits.append(random.nextInt(10));
        }
        digits.append("0001");
        digits.append(cnpjCheck(digits));
        digits.append(cnpjCheck(digits));
        return digits.toString();
    }

    private static int check(CharSequence digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (firstWeight - i);
        }
        int rest = sum * 10 % 11;
        return rest == 10 ? 0 : rest;
    }

    private static int cnpjCheck(CharSequence digits) {
        int sum = 0;
        int weight = 2;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }
}
