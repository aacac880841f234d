package org.opsdesk.registry.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Account numbers: eight digits from {@code registry.account_number} (never reused, even after a deletion) and a
 * modulo-11 check digit, so a mistyped confirmation names no other account.
 */
@Component
public class AccountNumbers {

    private final JdbcClient jdbc;

    AccountNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next() {
        long serial = jdbc.sql("select nextval('registry.account_number')")
                .query(Long.class)
                .single();
        return withCheckDigit(String.format("%08d", serial));
    }

    /** The digits, a dash and their check digit: weights 2…9 from the right, 11 − sum mod 11, 10 and 11 as 0. */
    public static String withCheckDigit(String digits) {
        int sum = 0;
        int weight = 2;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        int check = 11 - sum % 11;
        return digits + "-" + (check >= 10 ? 0 : check);
    }
}
