package org.opsdesk.exchange.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.Money;

/** The EPC069-12 payload: element order and form as in the guidelines' example (BCD, 002, 1, SCT, …). */
class EpcPaymentCodeTests {

    static final CurrencyCode EUR = new CurrencyCode("EUR", 2);

    @Test
    void carriesBeneficiaryIbanAmountAndStructuredReference() {
        String text = EpcPaymentCode.text(
                "BPOTBEB1",
                "Red Cross of Belgium",
                new Iban("BE72000000001616"),
                new Money(new BigDecimal("1.00"), EUR),
                PaymentReference.of("539007547034"));

        assertThat(text.split("\n", -1))
                .containsExactly(
                        "BCD",
                        "002",
                        "1",
                        "SCT",
                        "BPOTBEB1",
                        "Red Cross of Belgium",
                        "BE72000000001616",
                        "EUR1",
                        "",
                        "RF18539007547034");
    }

    @Test
    void aLongNameIsCutToSeventyCharactersAndTheBicMayBeLeftOut() {
        String text = EpcPaymentCode.text(
                null,
                "K".repeat(90),
                new Iban("DE89370400440532013000"),
                new Money(new BigDecimal("1234.50"), EUR),
                PaymentReference.of("ORDER42"));

        String[] lines = text.split("\n", -1);
        assertThat(lines[4]).isEmpty();
        assertThat(lines[5]).hasSize(70);
        assertThat(lines[7]).isEqualTo("EUR1234.5");
    }

    @Test
    void onlyEuroIsCarried() {
        assertThatThrownBy(() -> EpcPaymentCode.text(
                        null,
                        "Kantor",
                        new Iban("PL61109010140000071219812874"),
                        new Money(new BigDecimal("10.00"), new CurrencyCode("PLN", 2)),
                        PaymentReference.of("X1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
