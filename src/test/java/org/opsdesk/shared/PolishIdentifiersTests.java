package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PESEL, NIP and REGON with published examples: the PESEL of the Polish Wikipedia's article (44051401359, a man
 * born 14 May 1944; 02070803628, a woman born 8 July 1902), PKN Orlen's NIP 774-00-01-454 and REGON 610188201
 * (from its public register entry), and the textbook examples 123-456-32-18, 123456785 and 12345678512347.
 */
class PolishIdentifiersTests {

    @Test
    void readsTheDateOfBirthOutOfAPeselInEveryCentury() {
        assertThat(Pesel.parse("pesel", "44051401359").birthDate()).isEqualTo(LocalDate.of(1944, 5, 14));
        assertThat(Pesel.parse("pesel", "02070803628").birthDate()).isEqualTo(LocalDate.of(1902, 7, 8));
        assertThat(Pesel.parse("pesel", "03210112345").birthDate()).isEqualTo(LocalDate.of(2003, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"44051401358", "02070803627", "4405140135", "440514013590", "4405140135a", "", "44053201352"})
    void refusesAPeselWithAWrongCheckDigitLengthOrDate(String typed) {
        assertThatThrownBy(() -> Pesel.parse("pesel", typed))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("pesel");
    }

    @Test
    void refusesAPeselWhoseDigitsCheckButWhoseDateDoesNotExist() {
        // 1944-02-30: the check digit is right (computed for these ten digits), the date is not
        assertThatThrownBy(() -> Pesel.parse("pesel", "44023001356"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("not a date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7740001454", "774-000-14-54", "PL7740001454", "1234563218", "123 456 32 18"})
    void acceptsPublishedNips(String typed) {
        assertThat(Nip.parse("nip", typed).value()).matches("\\d{10}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7740001455", "1234563219", "123456321", "12345632180", "abcdefghij", "", "1234567890"})
    void refusesNipsWithAWrongCheckDigitOrLength(String typed) {
        assertThatThrownBy(() -> Nip.parse("nip", typed)).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"610188201", "123456785", "12345678512347", "123-456-785"})
    void acceptsPublishedRegons(String typed) {
        assertThat(Regon.parse("regon", typed).value()).matches("\\d{9}|\\d{14}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"610188202", "123456786", "12345678512348", "12345678612347", "1234567", "", "12345678901"})
    void refusesRegonsWithAWrongCheckDigitOrLength(String typed) {
        assertThatThrownBy(() -> Regon.parse("regon", typed)).isInstanceOf(InvalidInput.class);
    }
}
