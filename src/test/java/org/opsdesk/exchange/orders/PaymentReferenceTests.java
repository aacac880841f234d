package org.opsdesk.exchange.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.shared.InvalidInput;

/** ISO 11649 creditor references, with the standard's own example (RF18 5390 0754 7034). */
class PaymentReferenceTests {

    @Test
    void theStandardsExampleIsComputedAndPrinted() {
        PaymentReference reference = PaymentReference.of("539007547034");

        assertThat(reference.value()).isEqualTo("RF18539007547034");
        assertThat(reference.printed()).isEqualTo("RF18 5390 0754 7034");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RF18539007547034", "RF18 5390 0754 7034", "rf18539007547034", "RF712348231", "RF45G72UUR"})
    void publishedValidReferencesParse(String typed) {
        assertThat(PaymentReference.parse("reference", typed).value()).startsWith("RF");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "RF19539007547034",
                "RF18539007547035",
                "RF1",
                "XX18539007547034",
                "RF18-5390",
                "RF180123456789012345678901"
            })
    void malformedOrMistypedReferencesAreRefused(String typed) {
        assertThatThrownBy(() -> PaymentReference.parse("reference", typed)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void randomReferencesAreValidAndDistinct() {
        var random = new SecureRandom();
        PaymentReference a = PaymentReference.random(random);
        PaymentReference b = PaymentReference.random(random);

        assertThat(a.value()).matches("RF\\d{2}[0-9A-HJ-NPR-Z]{12}");
        assertThat(PaymentReference.parse("reference", a.printed())).isEqualTo(a);
        assertThat(a).isNotEqualTo(b);
    }
}
