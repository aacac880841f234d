package org.opsdesk.exchange.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsdesk.exchange.web.DeskRefusal;

class RateRulesTests {

    @Test
    void acceptsRatesUpToTenDecimalsAndTwelveIntegerDigits() {
        RateRules.check(new BigDecimal("0.0000000637"), new BigDecimal("0.0000000701"));
        RateRules.check(new BigDecimal("400000.12"), new BigDecimal("999999999999.9999999999"));
        assertThat(RateRules.parse("buy", " 4.2150 ")).isEqualTo(new BigDecimal("4.2150"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1.10          | 1.10          | sell | sell_not_above_buy",
                "1.10          | 1.09          | sell | sell_not_above_buy",
                "0             | 1.00          | buy  | not_positive",
                "-1            | 1.00          | buy  | not_positive",
                "1.00          | 0.00000000001 | sell | rate_scale",
                "1.00000000001 | 2             | buy  | rate_scale",
                "1             | 1234567890123 | sell | rate_size"
            })
    void refusesABrokenPairOfRatesNamingTheField(String buy, String sell, String field, String key) {
        assertThatThrownBy(() -> RateRules.check(new BigDecimal(buy), new BigDecimal(sell)))
                .isInstanceOfSatisfying(DeskRefusal.class, refusal -> {
                    assertThat(refusal.reason().field()).isEqualTo(field);
                    assertThat(refusal.reason().key()).isEqualTo(key);
                });
    }

    @Test
    void refusesTextThatIsNotAPlainDecimal() {
        for (String typed : new String[] {"", " ", "1e3", "1,5", "abc", "+1.5", "1.", ".5", "NaN"}) {
            assertThatThrownBy(() -> RateRules.parse("sell", typed))
                    .as(typed)
                    .isInstanceOfSatisfying(
                            DeskRefusal.class,
                            refusal -> assertThat(refusal.reason().field()).isEqualTo("sell"));
        }
    }

    @Test
    void refusesASourceThatIsNotALowerCaseWord() {
        RateRules.source("ecb");
        assertThatThrownBy(() -> RateRules.source("ECB import")).isInstanceOf(DeskRefusal.class);
    }
}
