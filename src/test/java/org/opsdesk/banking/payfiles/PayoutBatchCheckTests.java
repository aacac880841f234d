package org.opsdesk.banking.payfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.opsdesk.banking.payfiles.PayoutBatches.anItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.payfiles.PayoutFileError.Reason;

class PayoutBatchCheckTests {

    @Test
    void refusesAnEmptyBatch() {
        assertProblems(PayoutBatches.eur().build(), tuple("items", Reason.EMPTY_BATCH));
    }

    @Test
    void refusesACreditorIbanWithWrongCheckDigits() {
        assertProblems(
                withItem(anItem().bic(null).account(new CreditorAccount.ByIban("DE88370400440532013000"))),
                tuple("items[0].creditorAccount.iban", Reason.INVALID_IBAN));
    }

    @Test
    void refusesADebtorIbanOfTheWrongLengthAndABlankOne() {
        assertProblems(
                PayoutBatches.eur()
                        .debtor("Office", "PL6110901014000007121981287", null, null)
                        .items(1)
                        .build(),
                tuple("debtor.iban", Reason.INVALID_IBAN));
        assertProblems(
                PayoutBatches.eur().debtor("Office", " ", null, null).items(1).build(),
                tuple("debtor.iban", Reason.REQUIRED));
    }

    @Test
    void refusesAnAmountWithMoreDecimalsThanItsCurrency() {
        assertProblems(withItem(anItem().amount("10.005")), tuple("items[0].amount", Reason.SCALE));
        assertProblems(
                PayoutBatches.in("JPY", 0)
                        .item(anItem().amount("100.5").build())
                        .build(),
                tuple("items[0].amount", Reason.SCALE));
    }

    @Test
    void acceptsTrailingZerosAndWritesTheCurrencyScale() {
        var checked = PayoutBatchCheck.check(PayoutBatches.in("JPY", 0)
                .item(PayoutBatches.item(1, "100.000"))
                .item(PayoutBatches.item(2, "5"))
                .build());
        assertThat(checked.items())
                .extracting(PayoutItem::amount)
                .extracting(BigDecimal::toPlainString)
                .containsExactly("100", "5");
        assertThat(checked.controlSum().toPlainString()).isEqualTo("105");
    }

    @Test
    void refusesZeroAndNegativeAmounts() {
        assertProblems(withItem(anItem().amount("0.00")), tuple("items[0].amount", Reason.NOT_POSITIVE));
        assertProblems(withItem(anItem().amount("-1.00")), tuple("items[0].amount", Reason.NOT_POSITIVE));
    }

    @Test
    void refusesAnAmountBeyondEighteenDigits() {
        assertProblems(withItem(anItem().amount("12345678901234567.00")), tuple("items[0].amount", Reason.TOO_LARGE));
    }

    @Test
    void refusesTooLongTexts() {
        assertProblems(withItem(anItem().remittance("R".repeat(141))), tuple("items[0].remittance", Reason.TOO_LONG));
        assertProblems(withItem(anItem().name("N".repeat(71))), tuple("items[0].creditorName", Reason.TOO_LONG));
        assertProblems(withItem(anItem().endToEndId("E".repeat(36))), tuple("items[0].endToEndId", Reason.TOO_LONG));
        assertProblems(
                PayoutBatches.eur().messageId("M".repeat(36)).items(1).build(), tuple("messageId", Reason.TOO_LONG));
    }

    @Test
    void countsTheLengthAfterTransliteration() {
        // 70 characters typed, 71 once "ß" becomes "ss"
        assertProblems(withItem(anItem().name("ß" + "N".repeat(69))), tuple("items[0].creditorName", Reason.TOO_LONG));
    }

    @Test
    void refusesCharactersOutsideTheSepaSetThatHaveNoTransliteration() {
        assertProblems(withItem(anItem().name("Smith & Sons")), tuple("items[0].creditorName", Reason.CHARACTER));
        assertProblems(
                withItem(anItem().remittance("Оплата заказа 17")), tuple("items[0].remittance", Reason.CHARACTER));
        assertProblems(
                withItem(anItem().remittance("Thanks \uD83D\uDE00")), tuple("items[0].remittance", Reason.CHARACTER));
    }

    @Test
    void namesTheRefusedCharacterInTheMessage() {
        assertThatThrownBy(() -> PayoutBatchCheck.check(withItem(anItem().name("Smith & Sons"))))
                .isInstanceOfSatisfying(
                        InvalidPayoutBatch.class,
                        e -> assertThat(e.problems().get(0).message()).contains("'&' (U+0026)"));
    }

    @Test
    void refusesIdentifiersOutsideTheSetInsteadOfTransliteratingThem() {
        // the end-to-end id comes back on the statement and must match exactly
        assertProblems(withItem(anItem().endToEndId("ZAMÓWIENIE-1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(anItem().endToEndId("ORDER 1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(anItem().endToEndId("/ORDER-1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(anItem().endToEndId("ORDER//1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(anItem().endToEndId("")), tuple("items[0].endToEndId", Reason.REQUIRED));
    }

    @Test
    void refusesAnExecutionDateBeforeTheFileIsCreatedButTakesTheSameDay() {
        var created = Instant.parse("2026-12-07T23:59:59Z");
        assertProblems(
                PayoutBatches.eur()
                        .createdAt(created)
                        .date(LocalDate.parse("2026-12-06"))
                        .items(1)
                        .build(),
                tuple("requestedExecutionDate", Reason.PAST_DATE));
        assertThat(PayoutBatchCheck.check(PayoutBatches.eur()
                                .createdAt(created)
                                .date(LocalDate.parse("2026-12-07"))
                                .items(1)
                                .build())
                        .requestedExecutionDate())
                .isEqualTo("2026-12-07");
    }

    @Test
    void refusesAnEndToEndIdUsedTwice() {
        assertProblems(
                PayoutBatches.eur()
                        .item(PayoutBatches.item(1, "1.00"))
                        .item(PayoutBatches.item(1, "2.00"))
                        .build(),
                tuple("items[1].endToEndId", Reason.DUPLICATE));
    }

    @Test
    void refusesBadCodes() {
        assertProblems(withItem(anItem().bic("DEUTDEFF1")), tuple("items[0].creditorBic", Reason.INVALID_BIC));
        // ISO 9362 allows it, pain.001.001.03's BIC pattern does not (location code starting with 0)
        assertProblems(withItem(anItem().bic("DEUTDE0F")), tuple("items[0].creditorBic", Reason.INVALID_BIC));
        assertProblems(withItem(anItem().purpose("salary")), tuple("items[0].purpose", Reason.INVALID_CODE));
        assertProblems(PayoutBatches.in("XYZ", 2).items(1).build(), tuple("currency", Reason.INVALID_CODE));
        assertProblems(
                PayoutBatches.eur()
                        .debtor("Office", PayoutBatches.OFFICE_IBAN, null, PostalAddress.country("Poland"))
                        .items(1)
                        .build(),
                tuple("debtor.address.country", Reason.INVALID_CODE));
        assertProblems(
                withItem(anItem().address(new PostalAddress("us", "Zürich & Co", null, null, null))),
                tuple("items[0].creditorAddress.country", Reason.INVALID_CODE),
                tuple("items[0].creditorAddress.townName", Reason.CHARACTER));
    }

    @Test
    void refusesADomesticAccountWithoutItsBank() {
        assertProblems(
                withItem(anItem().bic(null).account(new CreditorAccount.Domestic("123456", null, null))),
                tuple("items[0].creditorAccount.clearingMemberId", Reason.BANK_UNKNOWN));
        assertProblems(
                withItem(anItem().bic(null).account(new CreditorAccount.Domestic("123456", "USABA", null))),
                tuple("items[0].creditorAccount.clearingMemberId", Reason.REQUIRED));
    }

    @Test
    void reportsEveryProblemOfTheBatchAtOnce() {
        var batch = PayoutBatches.eur()
                .messageId("bad id")
                .item(anItem().amount("0").build())
                .item(anItem().name("").build())
                .build();
        assertProblems(
                batch,
                tuple("messageId", Reason.CHARACTER),
                tuple("items[0].amount", Reason.NOT_POSITIVE),
                tuple("items[1].endToEndId", Reason.DUPLICATE),
                tuple("items[1].creditorName", Reason.REQUIRED));
    }

    @Test
    void answersUnprocessableWithTheFieldsForTheApi() {
        assertThatThrownBy(() -> PayoutBatchCheck.check(PayoutBatches.eur().build()))
                .isInstanceOfSatisfying(InvalidPayoutBatch.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("items");
                    assertThat(e.detail()).isEqualTo("items: a payout file needs at least one item");
                });
    }

    @Test
    void givesTheBatchAsTheFilesCarryIt() {
        var checked = PayoutBatchCheck.check(PayoutBatches.diacritics());
        assertThat(checked.items())
                .extracting(PayoutItem::creditorName, PayoutItem::remittance)
                .containsExactly(
                        tuple("Zazolc Gesla Jazn", "Zaplata za zamowienie ORDER-PL-1"),
                        tuple("Jurgen Weiss-Orsted", "Strasse 7, Francois Lefevre"));
        assertThat(PayoutBatchCheck.check(PayoutBatches.huf()).items().get(0).creditorAccount())
                .isEqualTo(new CreditorAccount.ByIban(PayoutBatches.HU_IBAN));
    }

    @Test
    void isSepaOnlyForEuroBetweenSepaAccounts() {
        assertThat(PayoutBatchCheck.check(PayoutBatches.eur().items(3).build()).sepa())
                .isTrue();
        assertThat(PayoutBatchCheck.check(PayoutBatches.huf()).sepa()).isFalse();
        assertThat(PayoutBatchCheck.check(PayoutBatches.usd()).sepa()).isFalse();
        var toBrazil =
                withItem(anItem().bic(null).account(new CreditorAccount.ByIban("BR1800360305000010009795493C1")));
        assertThat(PayoutBatchCheck.check(toBrazil).sepa()).isFalse();
    }

    private static void assertProblems(PayoutBatch batch, org.assertj.core.groups.Tuple... expected) {
        assertThatThrownBy(() -> PayoutBatchCheck.check(batch))
                .isInstanceOfSatisfying(InvalidPayoutBatch.class, e -> assertThat(e.problems())
                        .extracting(PayoutFileError::field, PayoutFileError::reason)
                        .containsExactly(expected));
    }

    private static PayoutBatch withItem(PayoutBatches.ItemBuilder item) {
        return PayoutBatches.eur().item(item.build()).build();
    }
}
