package org.opsdesk.exchange.currencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsdesk.exchange.web.DeskRefusal;
import org.opsdesk.shared.CurrencyCode;

class CurrencyLimitsTests {

    private static final CurrencyCode EUR = new CurrencyCode("EUR", 2);
    private static final CurrencyCode JPY = new CurrencyCode("JPY", 0);
    private static final CurrencyCode BTC = new CurrencyCode("BTC", 8);

    @Test
    void keepsLimitsAtTheCurrencysScaleAndDefaultsTheWindow() {
        var change = CurrencyLimits.check(EUR, true, "10", " 2500.5 ", null);
        assertThat(change.minAmount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(change.maxAmount()).isEqualTo(new BigDecimal("2500.50"));
        assertThat(change.paymentWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(CurrencyLimits.check(BTC, false, "0.00000001", null, "P7D").minAmount())
                .isEqualTo(new BigDecimal("0.00000001"));
        assertThat(CurrencyLimits.check(JPY, true, "", "", "PT1M").maxAmount()).isNull();
    }

    @Test
    void acceptsEqualLimitsAndAZeroMinimum() {
        var change = CurrencyLimits.check(EUR, true, "0", "0.01", "PT2H");
        assertThat(change.minAmount()).isEqualByComparingTo("0");
        assertThat(change.paymentWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(CurrencyLimits.check(EUR, true, "5", "5", null).maxAmount()).isEqualByComparingTo("5");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "~",
            value = {
                "EUR | 100    | 50      | ~        | minAmount     | min_above_max",
                "EUR | -0.01  | ~       | ~        | minAmount     | negative",
                "EUR | ~      | -1      | ~        | maxAmount     | negative",
                "EUR | 1.001  | ~       | ~        | minAmount     | scale",
                "JPY | ~      | 10.5    | ~        | maxAmount     | scale",
                "BTC | ~      | 1.000000001 | ~    | maxAmount     | scale",
                "EUR | 1,50   | ~       | ~        | minAmount     | amount_format",
                "EUR | 1e3    | ~       | ~        | minAmount     | amount_format",
                "EUR | ~      | 0.00    | ~        | maxAmount     | max_zero",
                "EUR | ~      | ~       | 15m      | paymentWindow | window_format",
                "EUR | ~      | ~       | PT59S    | paymentWindow | window_range",
                "EUR | ~      | ~       | PT168H1S | paymentWindow | window_range",
                "EUR | ~      | ~       | -PT15M   | paymentWindow | window_range",
                "EUR | ~      | ~       | PT90.5S  | paymentWindow | window_seconds"
            })
    void refusesNamingTheFieldAndTheReason(
            String code, String min, String max, String window, String field, String key) {
        var currency =
                switch (code) {
                    case "JPY" -> JPY;
                    case "BTC" -> BTC;
                    default -> EUR;
                };
        assertThatThrownBy(() -> CurrencyLimits.check(currency, true, min, max, window))
                .isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
                    assertThat(refusal.reason().field()).isEqualTo(field);
                    assertThat(refusal.reason().key()).isEqualTo(key);
                    assertThat(refusal.status()).isEqualTo(422);
                });
    }
}
