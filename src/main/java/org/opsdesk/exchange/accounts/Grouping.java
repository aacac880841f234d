package org.opsdesk.exchange.accounts;

/** Account numbers are read in groups of four characters, like a printed IBAN. */
final class Grouping {

    private Grouping() {}

    static String byFour(String electronic) {
        var printed = new StringBuilder(electronic.length() + electronic.length() / 4);
        for (int i = 0; i < electronic.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                printed.append(' ');
            }
            printed.append(electronic.charAt(i));
        }
        return printed.toString();
    }
}
