package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opsdesk.shared.InvalidInput;

class FreeTextTests {

    @Test
    void acceptsPlainReasonsUpToTheLimitAndNothingAtAll() {
        assertThat(FreeText.reason("documents checked")).isEqualTo("documents checked");
        assertThat(FreeText.reason("é".repeat(FreeText.REASON_MAX))).hasSize(FreeText.REASON_MAX);
        assertThat(FreeText.reason(null)).isNull();
    }

    @Test
    void refusesAReasonWithAnyControlCharacterOrOverTheLimitNamingTheField() {
        for (String bad : new String[] {"a\u0000b", "line\nbreak", "bell\u0007", "x".repeat(FreeText.REASON_MAX + 1)}) {
            assertThatThrownBy(() -> FreeText.reason(bad)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(
                            e.errors().get(0).field())
                    .isEqualTo("reason"));
        }
    }

    @Test
    void allowsLineBreaksAndTabsInCommentsOnly() {
        assertThat(FreeText.comment("comment", "first\r\nsecond\tthird")).contains("\t");
        assertThatThrownBy(() -> FreeText.comment("text", "nul\u0000"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("text"));
        assertThatThrownBy(() -> FreeText.comment("comment", "x".repeat(FreeText.COMMENT_MAX + 1)))
                .isInstanceOf(InvalidInput.class);
    }
}
