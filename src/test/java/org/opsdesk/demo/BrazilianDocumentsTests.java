package org.opsdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrazilianDocumentsTests {

    @Test
    void completesWellKnownValidNumbers() {
        assertThat(BrazilianDocuments.cpf("529982247")).isEqualTo("52998224725");
        assertThat(BrazilianDocuments.cnpj("112223330001")).isEqualTo("11222333000181");
    }
}
