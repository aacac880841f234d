package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountIdentifiersTests {

    @Test
    void dropsTheCurrencyIngAppendsToTheIban() {
        assertThat(AccountIdentifiers.ofMt940Account("NL20INGB0001234567EUR")).isEqualTo("NL20INGB0001234567");
    }

    @Test
    void keepsBlzAccountPairsAndPaddedNumbersCompact() {
        assertThat(AccountIdentifiers.ofMt940Account(" 50880050/0194774600888  "))
                .isEqualTo("50880050/0194774600888");
        assertThat(AccountIdentifiers.ofMt940Account("pl46 1140 1010 0000 5790 0900 4001"))
                .isEqualTo("PL46114010100000579009004001");
    }

    @Test
    void leavesAValidIbanEndingInLettersAlone() {
        // a Maltese IBAN ends in letters that are no currency suffix
        assertThat(AccountIdentifiers.ofMt940Account("MT84MALT011000012345MTLCAST001S"))
                .isEqualTo("MT84MALT011000012345MTLCAST001S");
    }
}
