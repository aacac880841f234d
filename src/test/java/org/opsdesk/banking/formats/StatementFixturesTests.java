package org.opsdesk.banking.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/**
 * Every copied public statement file reads, and every statement in it reconciles — except the few whose own
 * balances do not add up, checked by hand (see {@link #DO_NOT_RECONCILE}): for those the exact refusal is asserted.
 */
class StatementFixturesTests {

    /** A refusal expected for a file: its reason, the field it names, and the difference when it is one. */
    record Refusal(Reason reason, String field, String difference) {}

    /**
     * Real files whose balances are inconsistent in the file itself (each recomputed by hand from its :60F:, :61:
     * and :62F: or OPBD/CLBD): masked or synthetic example data. The importer refuses them whole.
     */
    static final Map<String, Refusal> DO_NOT_RECONCILE = Map.of(
            // 229.2 − 79.9 + 10.1 = 159.4, the second message closes at 159.6
            "mt940/ch-postfinance-chf-swift-blocks-soh-etx.sta",
                    new Refusal(Reason.NOT_RECONCILED, "statements[1].closingBalance", "0.20 CHF"),
            // opening and closing 0,00 around one debit of 12,35 (balances zeroed in the example)
            "mt940/de-deutschebank-sdd-return-ocmt-chgs.sta",
                    new Refusal(Reason.NOT_RECONCILED, "statements[0].closingBalance", "12.35 EUR"),
            // opening and closing 0,00 around one debit of 20000,00 (masked)
            "mt940/hk-hsbc-hkd-ocmt-usd.sta",
                    new Refusal(Reason.NOT_RECONCILED, "statements[0].closingBalance", "20000.00 HKD"),
            // 10000,9 − 5,1 − 10 − 10 = 9975,8; the statement closes at 9980,9 (the 5,1 of 11 Jan predates it)
            "mt940/nl-abnamro-legacy-and-sepa-structured.sta",
                    new Refusal(Reason.NOT_RECONCILED, "statements[0].closingBalance", "5.10 EUR"),
            // 1000 − 627 + 3969,15 = 4342,15; ING's example closes at 4882,15
            "mt940/nl-ing-ming-structured-eref-cntp-remi.sta",
                    new Refusal(Reason.NOT_RECONCILED, "statements[0].closingBalance", "540.00 EUR"),
            // OPBD 1.01 + 8.850 = 9.86, CLBD 4.04: ten made-up balance types
            "camt053/genkgo-camt053-v02-all-balance-types.xml",
                    new Refusal(Reason.NOT_RECONCILED, "statements[0].closingBalance", "-5.82 EUR"),
            // OPBD in EUR, CLBD in SEK (the file mixes currencies on purpose)
            "camt053/genkgo-camt053-v04.xml", new Refusal(Reason.CURRENCY_MISMATCH, "statements[0].closingBalance", ""),
            "camt053/genkgo-camt053-v08.xml",
                    new Refusal(Reason.CURRENCY_MISMATCH, "statements[0].closingBalance", ""));

    static Stream<String> fixtures() {
        return StatementFixtures.all();
    }

    @Test
    void coversEveryFormatAndVersion() {
        assertThat(fixtures().toList())
                .hasSize(21)
                .anyMatch(name -> name.startsWith("mt940/"))
                .anyMatch(name -> name.contains("camt053-v02"))
                .anyMatch(name -> name.contains("camt053-v04"))
                .anyMatch(name -> name.contains("camt053-v08"))
                .anyMatch(name -> name.contains("camt054-v02"))
                .anyMatch(name -> name.contains("camt054-v04"))
                .anyMatch(name -> name.contains("camt054-v08"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsEveryFixtureWithItsStatementsReconciled(String name) {
        Refusal expected = DO_NOT_RECONCILE.get(name);
        if (expected != null) {
            assertThatThrownBy(() -> StatementFixtures.read(name))
                    .isInstanceOfSatisfying(StatementFileRefused.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(expected.reason());
                        assertThat(refused.field()).isEqualTo(expected.field());
                        assertThat(refused.status()).isEqualTo(422);
                        if (refused instanceof StatementDoesNotReconcile unbalanced) {
                            assertThat(unbalanced.difference().toString()).isEqualTo(expected.difference());
                        }
                    });
            return;
        }
        ReadFile file = StatementFixtures.read(name);
        assertThat(file.statements()).isNotEmpty();
        assertThat(file.entryCount()).isPositive();
        for (ParsedStatement statement : file.statements()) {
            assertThat(statement.accountIdentifier())
                    .isNotBlank()
                    .doesNotContain(" ")
                    .isUpperCase();
            if (statement.openingBalance() != null && statement.closingBalance() != null) {
                BigDecimal moved = statement.entries().stream()
                        .map(ParsedEntry::signedAmount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(statement.openingBalance().amount().add(moved))
                        .isEqualByComparingTo(statement.closingBalance().amount());
            }
            for (ParsedEntry entry : statement.entries()) {
                assertThat(entry.amount().amount().signum()).isNotNegative();
                assertThat(entry.raw()).isNotBlank();
            }
        }
    }
}
