package org.opsdesk.demo;

/** Valid CPF and CNPJ numbers for the demo's parties: the base digits completed with their two check digits. */
final class BrazilianDocuments {

    private BrazilianDocuments() {}

    /** The CPF of nine base digits, with its check digits (weights 10..2, then 11..2). */
    static String cpf(String nineDigits) {
        String withFirst = nineDigits + check(nineDigits, new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2});
        return withFirst + check(withFirst, new int[] {11, 10, 9, 8, 7, 6, 5, 4, 3, 2});
    }

    /** The CNPJ of twelve base digits, with its check digits (weights 5..2,9..2, then 6..2,9..2). */
    static String cnpj(String twelveDigits) {
        String withFirst = twelveDigits + check(twelveDigits, new int[] {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
        return withFirst + check(withFirst, new int[] {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2});
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }
}
