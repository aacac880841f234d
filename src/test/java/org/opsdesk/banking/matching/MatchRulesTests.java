package org.opsdesk.banking.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.PaymentOrders.Candidate;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Money;

class MatchRulesTests {

    private static final Currencies CURRENCIES = new Currencies(Map.of());
    private static final String PAYER = "AE070331234567890123456";
    private static final LocalDate DAY = LocalDate.parse("2026-12-07");
    private static final Candidate ORDER = order("RF18539007547034", "1500.00", "AED", PAYER);

    @Test
    void confirmsByTheReferenceWithTheFullAmountBookedByTheDeadline() {
        var verdict = judge(entry("1500.00", "AED", "Payment for RF18539007547034 thanks", null), ORDER);

        assertThat(verdict.automatic()).isTrue();
        assertThat(verdict.rule()).isEqualTo(MatchRule.REFERENCE);
        assertThat(verdict.score()).isEqualTo(100);
        assertThat(verdict.orderId()).isEqualTo(ORDER.orderId());
        assertThat(verdict.evidence()).containsEntry("remittance", "Payment for RF18539007547034 thanks");
        assertThat(EntryPayments.describe(verdict.evidence()))
                .contains("holds RF18539007547034 (written \"RF18539007547034\")", "1500.00");
    }

    @Test
    void findsTheReferenceWrittenInLowerCaseGroupedAndBrokenOverLines() {
        String text = "EXCHANGE ORDER rf18 5390\n0754\r\n 7034/INV 12";
        var verdict = judge(entry("1500.00", "AED", text, null), ORDER);

        assertThat(verdict.automatic()).isTrue();
        @SuppressWarnings("unchecked")
        var found = (List<Map<String, Object>>) verdict.evidence().get("references");
        assertThat(found)
                .containsExactly(Map.of("reference", "RF18539007547034", "asWritten", "rf18 5390\n0754\r\n 7034"));
    }

    @Test
    void findsAReferenceThatRunsIntoTheNextWordOnceItsSpacesAreGone() {
        assertThat(RemittanceReferences.in("RF18 5390 0754 7034 THANK YOU"))
                .extracting(RemittanceReferences.Found::reference)
                .contains("RF18539007547034");
    }

    @Test
    void aReferenceWithAWrongCheckDigitIsNoReference() {
        assertThat(RemittanceReferences.in("RF19539007547034")).isEmpty();
        var verdict = judge(entry("1500.00", "AED", "RF19 5390 0754 7034", null), ORDER);
        assertThat(verdict.queued()).isEqualTo(QueueReason.NO_CANDIDATE);
        assertThat(verdict.score()).isZero();
    }

    @Test
    void queuesLessOrMoreThanTheOrdersAmountAndAnotherCurrency() {
        assertThat(judge(entry("1000.00", "AED", "RF18539007547034", null), ORDER))
                .extracting(Verdict::queued, Verdict::score, Verdict::orderId)
                .containsExactly(QueueReason.PARTIAL, 80, ORDER.orderId());
        assertThat(judge(entry("1500.01", "AED", "RF18539007547034", null), ORDER)
                        .queued())
                .isEqualTo(QueueReason.OVERPAID);
        assertThat(judge(entry("1500", "SAR", "RF18539007547034", null), ORDER))
                .extracting(Verdict::queued, Verdict::score)
                .containsExactly(QueueReason.WRONG_CURRENCY, 60);
    }

    @Test
    void queuesAPaymentBookedAfterTheDeadlinesDayAsLate() {
        var late = new EntryToMatch(
                1,
                UUID.randomUUID(),
                UUID.randomUUID(),
                new BigDecimal("1500.00"),
                "AED",
                DAY.plusDays(1),
                null,
                null,
                "RF18539007547034",
                null,
                null);

        assertThat(judge(late, ORDER).queued()).isEqualTo(QueueReason.LATE);
    }

    @Test
    void queuesTwoOrdersReferencedInOneTextAsAmbiguous() {
        Candidate other = order("RF712348231", "1500.00", "AED", null);
        var verdict = MatchRules.judge(
                entry("1500.00", "AED", "RF18539007547034 and RF712348231", null),
                Map.of(ORDER.reference(), ORDER, other.reference(), other),
                List.of());

        assertThat(verdict.queued()).isEqualTo(QueueReason.AMBIGUOUS);
        assertThat(verdict.orderId()).isNull();
        assertThat(verdict.candidates()).containsExactly(ORDER.orderId(), other.orderId());
    }

    @Test
    void withoutAReferenceProposesTheOneOrderOfThePayerAmountAndCurrency() {
        var verdict = MatchRules.judge(
                entry("1500.00", "AED", "exchange", "ae07 0331 2345 6789 0123 456"), Map.of(), List.of(ORDER));

        assertThat(verdict)
                .extracting(Verdict::queued, Verdict::rule, Verdict::score, Verdict::orderId)
                .containsExactly(QueueReason.NO_REFERENCE, MatchRule.AMOUNT_AND_PAYER, 70, ORDER.orderId());
        assertThat(verdict.evidence()).containsEntry("payerIban", PAYER);
    }

    @Test
    void twoOrdersOfThePayerAreAmbiguousAndAnotherAmountIsNone() {
        Candidate second = order("RF712348231", "1500.00", "AED", PAYER);
        var entry = entry("1500.00", "AED", null, PAYER);

        assertThat(MatchRules.judge(entry, Map.of(), List.of(ORDER, second)))
                .extracting(Verdict::queued, Verdict::score)
                .containsExactly(QueueReason.AMBIGUOUS, 40);
        assertThat(MatchRules.judge(entry("1499.00", "AED", null, PAYER), Map.of(), List.of(ORDER)))
                .extracting(Verdict::queued, Verdict::rule)
                .containsExactly(QueueReason.NO_CANDIDATE, MatchRule.NONE);
    }

    @Test
    void aPaymentFromTheClientsRegisteredAccountProposesTheOrderAndSaysHowThePayerWasKnown() {
        String registered = "PL61109010140000071219812874";
        Candidate base = order("RF712348231", "1500.00", "AED", null);
        Candidate clients = new Candidate(
                base.orderId(),
                base.reference(),
                base.amount(),
                null,
                base.payInAccountId(),
                base.createdAt(),
                base.deadline(),
                java.util.Set.of(registered));

        var verdict = MatchRules.judge(entry("1500.00", "AED", null, registered), Map.of(), List.of(clients));

        assertThat(verdict)
                .extracting(Verdict::queued, Verdict::rule, Verdict::score, Verdict::orderId)
                .containsExactly(QueueReason.NO_REFERENCE, MatchRule.AMOUNT_AND_PAYER, 70, clients.orderId());
        assertThat(verdict.evidence()).containsEntry("payerKnownBy", "CLIENT_ACCOUNT");
        assertThat(MatchRules.judge(entry("1500.00", "AED", null, PAYER), Map.of(), List.of(clients))
                        .queued())
                .as("another payer's account is not the client's")
                .isEqualTo(QueueReason.NO_CANDIDATE);
    }

    private static Verdict judge(EntryToMatch entry, Candidate order) {
        return MatchRules.judge(entry, Map.of(order.reference(), order), List.of());
    }

    private static EntryToMatch entry(String amount, String currency, @Nullable String text, @Nullable String iban) {
        return new EntryToMatch(
                1,
                UUID.randomUUID(),
                UUID.randomUUID(),
                new BigDecimal(amount),
                currency,
                DAY,
                "A. Payer",
                iban,
                text,
                "BANKREF1",
                null);
    }

    private static Candidate order(String reference, String amount, String currency, @Nullable String payFrom) {
        return new Candidate(
                UUID.randomUUID(),
                reference,
                new Money(new BigDecimal(amount), CURRENCIES.find(currency).orElseThrow()),
                payFrom,
                UUID.randomUUID(),
                Instant.parse("2026-12-07T10:00:00Z"),
                Instant.parse("2026-12-07T10:15:00Z"));
    }
}
