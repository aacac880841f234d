package org.opsdesk.banking.payfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
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
                withItem(account(new CreditorAccount.ByIban("DE88370400440532013000"))),
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
        assertProblems(withItem(amount("10.005")), tuple("items[0].amount", Reason.SCALE));
        assertProblems(
                PayoutBatches.in("JPY", 0).item(amount("100.5")).build(), tuple("items[0].amount", Reason.SCALE));
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
        assertProblems(withItem(amount("0.00")), tuple("items[0].amount", Reason.NOT_POSITIVE));
        assertProblems(withItem(amount("-1.00")), tuple("items[0].amount", Reason.NOT_POSITIVE));
    }

    @Test
    void refusesAnAmountBeyondEighteenDigits() {
        assertProblems(withItem(amount("12345678901234567.00")), tuple("items[0].amount", Reason.TOO_LARGE));
    }

    @Test
    void refusesTooLongTexts() {
        assertProblems(withItem(remittance("R".repeat(141))), tuple("items[0].remittance", Reason.TOO_LONG));
        assertProblems(withItem(name("N".repeat(71))), tuple("items[0].creditorName", Reason.TOO_LONG));
        assertProblems(withItem(endToEndId("E".repeat(36))), tuple("items[0].endToEndId", Reason.TOO_LONG));
        assertProblems(
                PayoutBatches.eur().messageId("M".repeat(36)).items(1).build(), tuple("messageId", Reason.TOO_LONG));
    }

    @Test
    void countsTheLengthAfterTransliteration() {
        // 70 characters typed, 71 once "ß" becomes "ss"
        assertProblems(withItem(name("ß" + "N".repeat(69))), tuple("items[0].creditorName", Reason.TOO_LONG));
    }

    @Test
    void refusesCharactersOutsideTheSepaSetThatHaveNoTransliteration() {
        assertProblems(withItem(name("Smith & Sons")), tuple("items[0].creditorName", Reason.CHARACTER));
        assertProblems(withItem(remittance("Оплата заказа 17")), tuple("items[0].remittance", Reason.CHARACTER));
        assertProblems(withItem(remittance("Thanks \uD83D\uDE00")), tuple("items[0].remittance", Reason.CHARACTER));
    }

    @Test
    void namesTheRefusedCharacterInTheMessage() {
        assertThatThrownBy(() -> PayoutBatchCheck.check(withItem(name("Smith & Sons"))))
                .isInstanceOfSatisfying(
                        InvalidPayoutBatch.class,
                        e -> assertThat(e.problems().get(0).message()).contains("'&' (U+0026)"));
    }

    @Test
    void refusesIdentifiersOutsideTheSetInsteadOfTransliteratingThem() {
        // the end-to-end id comes back on the statement and must match exactly
        assertProblems(withItem(endToEndId("ZAMÓWIENIE-1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(endToEndId("ORDER 1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(endToEndId("/ORDER-1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(endToEndId("ORDER//1")), tuple("items[0].endToEndId", Reason.CHARACTER));
        assertProblems(withItem(endToEndId("")), tuple("items[0].endToEndId", Reason.REQUIRED));
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
        assertProblems(withItem(bic("DEUTDEFF1")), tuple("items[0].creditorBic", Reason.INVALID_BIC));
        // ISO 9362 allows it, pain.001.001.03's BIC pattern does not (location code starting with 0)
        assertProblems(withItem(bic("DEUTDE0F")), tuple("items[0].creditorBic", Reason.INVALID_BIC));
        assertProblems(withItem(purpose("salary")), tuple("items[0].purpose", Reason.INVALID_CODE));
        assertProblems(PayoutBatches.in("XYZ", 2).items(1).build(), tuple("currency", Reason.INVALID_CODE));
        assertProblems(
                PayoutBatches.eur()
                        .debtor("Office", PayoutBatches.OFFICE_IBAN, null, PostalAddress.country("Poland"))
                        .items(1)
                        .build(),
                tuple("debtor.address.country", Reason.INVALID_CODE));
    }

    @Test
    void refusesADomesticAccountWithoutItsBank() {
        assertProblems(
                withItem(account(new CreditorAccount.Domestic("123456", null, null))),
                tuple("items[0].creditorAccount.clearingMemberId", Reason.BANK_UNKNOWN));
        assertProblems(
                withItem(account(new CreditorAccount.Domestic("123456", "USABA", null))),
                tuple("items[0].creditorAccount.clearingMemberId", Reason.REQUIRED));
    }

    @Test
    void reportsEveryProblemOfTheBatchAtOnce() {
        var batch = PayoutBatches.eur()
                .messageId("bad id")
                .item(amount("0"))
                .item(name(""))
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
        var toBrazil = withItem(account(new CreditorAccount.ByIban("BR1800360305000010009795493C1")));
        assertThat(PayoutBatchCheck.check(toBrazil).sepa()).isFalse();
    }

    private static void assertProblems(PayoutBatch batch, org.assertj.core.groups.Tuple... expected) {
        assertThatThrownBy(() -> PayoutBatchCheck.check(batch))
                .isInstanceOfSatisfying(InvalidPayoutBatch.class, e -> assertThat(e.problems())
                        .extracting(PayoutFileError::field, PayoutFileError::reason)
                        .containsExactly(expected));
    }

    private static PayoutBatch withItem(PayoutItem item) {
        return PayoutBatches.eur().item(item).build();
    }

    private static PayoutItem base() {
        return PayoutBatches.item(1, "10.00");
    }

    private static PayoutItem account(CreditorAccount account) {
        var b = base();
        return new PayoutItem(b.endToEndId(), b.creditorName(), account, null, b.amount(), b.remittance(), null);
    }

    private static PayoutItem amount(String amount) {
        var b = base();
        return new PayoutItem(
                b.endToEndId(),
                b.creditorName(),
                b.creditorAccount(),
                b.creditorBic(),
                new BigDecimal(amount),
                b.remittance(),
                null);
    }

    private static PayoutItem name(String name) {
        var b = base();
        return new PayoutItem(
                b.endToEndId(), name, b.creditorAccount(), b.creditorBic(), b.amount(), b.remittance(), null);
    }

    private static PayoutItem remittance(String text) {
        var b = base();
        return new PayoutItem(
                b.endToEndId(), b.creditorName(), b.creditorAccount(), b.creditorBic(), b.amount(), text, null);
    }

    private static PayoutItem endToEndId(String id) {
        var b = base();
        return new PayoutItem(
                id, b.creditorName(), b.creditorAccount(), b.creditorBic(), b.amount(), b.remittance(), null);
    }

    private static PayoutItem bic(String bic) {
        var b = base();
        return new PayoutItem(
                b.endToEndId(), b.creditorName(), b.creditorAccount(), bic, b.amount(), b.remittance(), null);
    }

    private static PayoutItem purpose(@Nullable String purpose) {
        var b = base();
        return new PayoutItem(
                b.endToEndId(),
                b.creditorName(),
                b.creditorAccount(),
                b.creditorBic(),
                b.amount(),
                b.remittance(),
                purpose);
    }
}
