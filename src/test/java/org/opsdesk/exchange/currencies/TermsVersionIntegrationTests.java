package org.opsdesk.exchange.currencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.orders.DeskTerms;
import org.opsdesk.exchange.rates.PairRate;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk's terms are kept in memory but used only while {@code exchange.terms_version} says they are current: a
 * change written by another instance (here: straight into the tables) is quoted at once, a transaction sees its
 * own change, and a change rolled back is never served.
 */
class TermsVersionIntegrationTests extends IntegrationTest {

    @Autowired
    RateBook rates;

    @Autowired
    DeskTerms terms;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void desk() {
        assertThat(api().put("/api/v1/exchange/currencies/SGD", "{\"enabled\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(api().put("/api/v1/exchange/currencies/NZD", "{\"enabled\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(api().put("/api/v1/exchange/rates/SGD/NZD", "{\"buy\":\"1.2000\",\"sell\":\"1.3000\"}")
                        .status())
                .isEqualTo(200);
    }

    private BigDecimal buy() {
        return rates.current("SGD", "NZD").map(PairRate::buy).orElseThrow();
    }

    @Test
    void aRateWrittenByAnotherInstanceIsQuotedAtOnce() {
        assertThat(terms.quotable("SGD", "NZD").buy()).isEqualByComparingTo("1.2000");

        jdbc.sql("update exchange.pair set buy = 1.2500, sell = 1.3500 where base = 'SGD' and quote = 'NZD'")
                .update();

        assertThat(terms.quotable("SGD", "NZD").buy()).isEqualByComparingTo("1.2500");
        assertThat(rates.all()).anySatisfy(pair -> {
            assertThat(pair.base() + pair.quote()).isEqualTo("SGDNZD");
            assertThat(pair.sell()).isEqualByComparingTo("1.3500");
        });
    }

    @Test
    void aCurrencyDisabledByAnotherInstanceStopsQuotesAtOnce() {
        terms.quotable("SGD", "NZD");

        jdbc.sql("update exchange.currency_setting set enabled = false where code = 'NZD'")
                .update();

        assertThatThrownBy(() -> terms.quotable("SGD", "NZD"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("NZD");
    }

    @Test
    void aTransactionSeesItsOwnChangeAndARollbackIsNeverServed() {
        assertThat(buy()).isEqualByComparingTo("1.2000");

        transactions.executeWithoutResult(status -> {
            assertThat(buy()).isEqualByComparingTo("1.2000");
            rates.set(
                    "SGD",
                    "NZD",
                    new BigDecimal("1.1000"),
                    new BigDecimal("1.1500"),
                    "manual",
                    Actor.system("terms-version-test"));
            assertThat(buy()).as("its own change").isEqualByComparingTo("1.1000");
            status.setRollbackOnly();
        });

        assertThat(buy()).as("after the rollback").isEqualByComparingTo("1.2000");
    }

    @Test
    void aChangeMovesTheCounterInItsTransaction() {
        long before = version();

        jdbc.sql("update exchange.pair set mode = 'automatic' where base = 'SGD' and quote = 'NZD'")
                .update();

        assertThat(version()).isGreaterThan(before);
    }

    private long version() {
        return jdbc.sql("select version from exchange.terms_version")
                .query(Long.class)
                .single();
    }
}
