package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IBANs and BICs from published examples (the SWIFT IBAN registry, SWIFT's BIC examples). A Polish bank code is the
 * bank's three digits (109: Santander Bank Polska); the next four name the branch.
 */
class IbanTests {

    @ParameterizedTest
    @CsvSource({
        "'PL61 1090 1014 0000 0712 1981 2874', PL61109010140000071219812874, PL, 109",
        "'DE89 3704 0044 0532 0130 00', DE89370400440532013000, DE, 37040044",
        "'gb29 nwbk 6016 1331 9268 19', GB29NWBK60161331926819, GB, NWBK",
        "'NL91-ABNA-0417-1643-00', NL91ABNA0417164300, NL, ABNA",
        "'CH93 0076 2011 6238 5295 7', CH9300762011623852957, CH, 00762"
    })
    void publishedExamplesAreAcceptedAndCompacted(String typed, String compact, String country, String bank) {
        Iban iban = Iban.parse("iban", typed);

        assertThat(iban.value()).isEqualTo(compact);
        assertThat(iban.countryCode()).isEqualTo(country);
        assertThat(iban.bankCode()).isEqualTo(bank);
        assertThat(iban.printed()).startsWith(compact.substring(0, 4) + " ");
    }

    @ParameterizedTest
    @CsvSource({
        "PL62109010140000071219812874, check digits",
        "DE89370400440532013001, check digits",
        "PL6110901014000007121981287, length",
        "XX61109010140000071219812874, country",
        "'PL61 1090 1014 0000 0712 1981 287!', letters and digits",
        "'   ', required"
    })
    void invalidNumbersAreRefusedWithTheReason(String typed, String reason) {
        assertThatThrownBy(() -> Iban.parse("payoutAccount.iban", typed))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("payoutAccount.iban");
                        assertThat(error.message()).contains(reason);
                    });
                });
    }

    @Test
    void bicsOfEightAndElevenCharactersAreAccepted() {
        assertThat(Iban.parseBic("bic", "deut de ff")).isEqualTo("DEUTDEFF");
        assertThat(Iban.parseBic("bic", "BPKOPLPWXXX")).isEqualTo("BPKOPLPWXXX");
    }

    @ParameterizedTest
    @CsvSource({"DEUTDEF", "DEUTXXFF", "DEUT1EFF", "BPKOPLPWXXXX", "''"})
    void malformedBicsAreRefused(String typed) {
        assertThatThrownBy(() -> Iban.parseBic("bic", typed))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("bic");
    }
}
