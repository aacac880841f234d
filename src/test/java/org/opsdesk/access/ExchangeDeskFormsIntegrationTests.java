package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The exchange desk's currency and rate forms with bad input, posted as a browser does (session and CSRF token):
 * each answer is the form again (422) with the reason beside the field in the operator's language, never a 5xx,
 * and nothing is stored.
 */
class ExchangeDeskFormsIntegrationTests extends SignInTestSupport {

    private ConsoleClient desk;

    @BeforeEach
    void signInAsADeskManagerSpeakingPolish() {
        String role = roleWithoutMfa("exchange-desk-forms", "exchange:view", "exchange:manage");
        desk = signedInAs(operatorSpeaking("pl", role));
        for (String code : new String[] {"QAR", "OMR"}) {
            assertThat(api().put("/api/v1/exchange/currencies/" + code, "{\"enabled\":true}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void refusesBadCurrencySettingsBesideTheFieldInTheOperatorsLanguage() {
        assertThat(desk.get("/exchange/currencies/BAM").status()).isEqualTo(200);
        String[][] cases = {
            {"minAmount", "1.005", "Minimalna kwota zlecenia", "najwyżej 2 miejsc"},
            {"minAmount", "-3", "Minimalna kwota zlecenia", "nie może być ujemna"},
            {"maxAmount", "<script>alert(1)</script>", "Maksymalna kwota zlecenia", "liczbą dziesiętną"},
            {"maxAmount", "9".repeat(5000), "Maksymalna kwota zlecenia", "liczbą dziesiętną"},
            {"paymentWindow", "P30D", "Czas na wpłatę", "PT1M a P7D"},
            {"paymentWindow", "15 min\u0000", "Czas na wpłatę", "okresem ISO-8601"}
        };
        for (String[] bad : cases) {
            var page = desk.post("/exchange/currencies/BAM", "enabled", "true", bad[0], bad[1]);
            assertThat(page.status()).as(bad[1]).isEqualTo(422);
            var error = page.html().selectFirst("#currency-error");
            assertThat(error).as(bad[1]).isNotNull();
            assertThat(error.text()).contains(bad[2]).contains(bad[3]);
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
        }
        var both = desk.post("/exchange/currencies/BAM", "enabled", "true", "minAmount", "9", "maxAmount", "5");
        assertThat(both.html().selectFirst("#currency-error").text())
                .contains("Minimalna kwota zlecenia")
                .contains("maksimum (5.00)");
        assertThat(jdbc.sql("select count(*) from exchange.currency_change where code = 'BAM'")
                        .query(Long.class)
                        .single())
                .as("nothing stored")
                .isZero();
        assertThat(desk.get("/exchange/currencies/XQQ").status()).isEqualTo(404);
    }

    @Test
    void refusesBadRatesBesideTheFieldAndNeverAnswers5xx() {
        assertThat(desk.get("/exchange/rates").status()).isEqualTo(200);
        String[][] cases = {
            {"QAR", "OMR", "1.00", "0.90", "manual", "Sprzedaż", "wyższy od kursu kupna (1.00)"},
            {"QAR", "OMR", "0", "0.90", "manual", "Kupno", "większy od zera"},
            {"QAR", "OMR", "1.00000000001", "2", "manual", "Kupno", "najwyżej 10 miejsc"},
            {"QAR", "OMR", "1e2", "2", "manual", "Kupno", "liczbą dziesiętną"},
            {"QAR", "QAR", "1", "2", "manual", "Waluta kwotowana", "różnić się od waluty bazowej"},
            {"QAR", "BYN", "1", "2", "manual", "Waluta kwotowana", "BYN nie jest włączona"},
            {"QAR", "OMR", "1", "2", "turbo", "Tryb wymiany", "automatyczny, półautomatyczny lub ręczny"}
        };
        for (String[] bad : cases) {
            var page = desk.post(
                    "/exchange/rates", "base", bad[0], "quote", bad[1], "buy", bad[2], "sell", bad[3], "mode", bad[4]);
            assertThat(page.status()).as(String.join(" ", bad)).isEqualTo(422);
            var error = page.html().selectFirst("#add-error");
            assertThat(error).as(String.join(" ", bad)).isNotNull();
            assertThat(error.text()).contains(bad[5]).contains(bad[6]);
        }
        var unknown = desk.post("/exchange/rates", "base", "QQQ", "quote", "OMR", "buy", "1", "sell", "2");
        assertThat(unknown.status())
                .as("a hand-made code is refused on the form too")
                .isEqualTo(422);
        assertThat(unknown.html().selectFirst("#add-error").text()).contains("QQQ");
        assertThat(jdbc.sql("select count(*) from exchange.rate_change where base = 'QAR'")
                        .query(Long.class)
                        .single())
                .as("nothing stored")
                .isZero();

        var added = desk.post("/exchange/rates", "base", "QAR", "quote", "OMR", "buy", "0.90", "sell", "0.95");
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith("/exchange/rates/QAR/OMR");
        assertThat(desk.get("/exchange/rates/QAR/OMR?cursor=garbage").status()).isEqualTo(422);
        var export = desk.get("/exchange/rates/QAR/OMR/history.csv?from=yesterday");
        assertThat(export.status()).isEqualTo(422);
        assertThat(export.html().selectFirst("#export-error").text()).contains("Od");
        var csv = desk.get("/exchange/rates/QAR/OMR/history.csv?from=2000-01-01T00:00:00Z");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("base,quote,buy,sell,source,changed_at,changed_by,actor_kind\r\n")
                .contains("QAR,OMR,0.90,0.95,manual,");
        assertThat(jdbc.sql("select count(*) from exchange.rate_history_export where base = 'QAR' and row_count = 1"
                                + " and from_at = '2000-01-01T00:00:00Z' and to_at is null")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update exchange.rate_history_export set row_count = 0")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(desk.get("/exchange/rates/OMR/QAR").status()).isEqualTo(404);
        assertThat(desk.get("/exchange/rates/QAR/%00").status()).isLessThan(500);
    }
}
