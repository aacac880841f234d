package org.opsdesk.access.operators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void countsTheUpperLimitInUtf8Bytes() {
        String ascii = "a quiet river under the bridge ".repeat(9).substring(0, 256);
        String polish = "zażółć gęślą jaźń ".repeat(10); // 180 characters, 270 bytes

        assertThat(policy.problem(ascii, "nobody")).isEmpty();
        assertThat(policy.problem(ascii + "x", "nobody"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("at most 256 bytes"));
        assertThat(polish.length()).isLessThan(256);
        assertThat(policy.problem(polish, "nobody"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("bytes"));
    }

    @Test
    void countsTheLowerLimitInCharacters() {
        assertThat(PasswordPolicy.lengthProblem("ąćęłńóśźż€€")).isPresent(); // 11 characters, 22 bytes
        assertThat(PasswordPolicy.lengthProblem("ąćęłńóśźż€€ż")).isEmpty();
    }
}
