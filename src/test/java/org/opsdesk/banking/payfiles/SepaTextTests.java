package org.opsdesk.banking.payfiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SepaTextTests {

    @Test
    void keepsTextAlreadyInTheSet() {
        String all = "abcXYZ 0189 /-?:().,'+";
        assertThat(SepaText.of(all)).contains(all);
    }

    @Test
    void transliteratesLettersWithDiacriticsAsBanksDo() {
        assertThat(SepaText.of("Zażółć gęślą jaźń ŁÓDŹ")).contains("Zazolc gesla jazn LODZ");
        assertThat(SepaText.of("Straße Ærø Œuvre þorn Đorđe")).contains("Strasse AEro OEuvre thorn Dorde");
        assertThat(SepaText.of("Ștefan Čapek Ñandú İzmir")).contains("Stefan Capek Nandu Izmir");
        assertThat(SepaText.of("O’Brien – Ltd")).contains("O'Brien - Ltd");
    }

    @Test
    void foldsLineBreaksAndTabsIntoOneSpace() {
        assertThat(SepaText.of("  Order\r\n17\tpaid  ")).contains("Order 17 paid");
    }

    @Test
    void refusesWhatHasNoStandIn() {
        assertThat(SepaText.of("A & B")).isEmpty();
        assertThat(SepaText.of("\"quoted\"")).isEmpty();
        assertThat(SepaText.of("Москва")).isEmpty();
        assertThat(SepaText.of("東京")).isEmpty();
        assertThat(SepaText.of("50% off")).isEmpty();
        assertThat(SepaText.firstRefused("ok & no")).isEqualTo("'&' (U+0026)");
    }
}
