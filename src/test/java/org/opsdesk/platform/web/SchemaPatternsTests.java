package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SchemaPatternsTests {

    @Test
    void anchorsPatternsBecauseBeanValidationMatchesTheWholeValue() {
        assertThat(SchemaPatterns.ecma("[a-z]{2,5}")).isEqualTo("^(?:[a-z]{2,5})$");
        assertThat(SchemaPatterns.ecma("^-?\\d+$")).isEqualTo("^-?\\d+$");
    }

    @Test
    void spellsJavasPosixClassesAsAsciiRangesInsideAndOutsideBrackets() {
        assertThat(SchemaPatterns.ecma("[^\\p{Cntrl}]*")).isEqualTo("^(?:[^\\x00-\\x1F\\x7F]*)$");
        assertThat(SchemaPatterns.ecma("\\p{Graph}+")).isEqualTo("^(?:[\\x21-\\x7E]+)$");
        assertThat(SchemaPatterns.ecma("[^@\\s\\p{Cntrl}]+@x")).isEqualTo("^(?:[^@\\s\\x00-\\x1F\\x7F]+@x)$");
    }

    @Test
    void acceptsWhatTheJavaPatternAccepts() {
        String java = "[\\p{Graph}]([\\p{Graph} ]*[\\p{Graph}])?";
        var ecma = Pattern.compile(SchemaPatterns.ecma(java));
        for (String value : new String[] {"WD-2026-000123", "a b", "x", " a", "a ", "tab\there", ""}) {
            assertThat(ecma.matcher(value).find()).as(value).isEqualTo(value.matches(java));
        }
    }
}
