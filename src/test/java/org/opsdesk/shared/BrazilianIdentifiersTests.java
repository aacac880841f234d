package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPF and CNPJ with published examples: the CPFs 529.982.247-25 and 111.444.777-35 of the check-digit tutorials,
 * the CNPJ 11.222.333/0001-81 of the same, and the alphanumeric CNPJ 12.ABC.345/01DE-35 of the Receita Federal's
 * announcement of the new format (Nota Técnica Conjunta COCAD/SUARA/RFB 49/2024).
 */
class BrazilianIdentifiersTests {

    @Test
    void readsACpfAsPeopleWriteIt() {
        assertThat(Cpf.parse("cpf", "529.982.247-25").value()).isEqualTo("52998224725");
        assertThat(Cpf.parse("cpf", " 111 444 777 35 ").printed()).isEqualTo("111.444.777-35");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"529.982.247-24", "52998224726", "5299822472", "529982247250", "5299822472a", "", "11111111111"})
    void refusesACpfWithWrongCheckDigitsLengthOrRepeatedDigits(String typed) {
        assertThatThrownBy(() -> Cpf.parse("documentNumber", typed))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("documentNumber");
    }

    @Test
    void readsANumericAndAnAlphanumericCnpj() {
        assertThat(Cnpj.parse("cnpj", "11.222.333/0001-81").value()).isEqualTo("11222333000181");
        assertThat(Cnpj.parse("cnpj", "12.abc.345/01de-35").value()).isEqualTo("12ABC34501DE35");
        assertThat(Cnpj.parse("cnpj", "12ABC34501DE35").printed()).isEqualTo("12.ABC.345/01DE-35");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11.222.333/0001-82",
                "12.ABC.345/01DE-36",
                "1122233300018",
                "112223330001810",
                "12.ABC.345/01DE-3X",
                "00000000000000",
                ""
            })
    void refusesACnpjWithWrongCheckDigitsLengthOrRepeatedDigits(String typed) {
        assertThatThrownBy(() -> Cnpj.parse("documentNumber", typed))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("documentNumber");
    }

    @Test
    void aRecordCannotHoldAnInvalidNumber() {
        assertThatThrownBy(() -> new Cpf("52998224724")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cnpj("11222333000182")).isInstanceOf(IllegalArgumentException.class);
    }
}
