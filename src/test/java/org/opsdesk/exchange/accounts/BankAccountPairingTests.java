package org.opsdesk.exchange.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opsdesk.shared.Iban;

/** The pairing rule on a currency's enabled accounts, without the database. */
class BankAccountPairingTests {

    // mBank (bank code 114, BIC BREXPLPW), PKO BP (102, BPKOPLPW), Santander (109)
    static final String MBANK_OFFICE = "PL27114020040000300201355387";
    static final String MBANK_CLIENT = "PL77 1140 2004 0000 3002 9988 7766";
    static final String PKO_OFFICE = "PL60102010260000123456789012";
    static final String SANTANDER_CLIENT = "PL61109010140000071219812874";

    private final BankAccount mbankIncomingDefault =
            account(MBANK_OFFICE, "BREXPLPWXXX", Purpose.INCOMING, true, false);
    private final BankAccount pkoBothPayoutDefault = account(PKO_OFFICE, "BPKOPLPW", Purpose.BOTH, false, true);
    private final List<BankAccount> office = List.of(mbankIncomingDefault, pkoBothPayoutDefault);

    @Test
    void paysInToTheOfficesAccountAtTheClientsBankKnownFromTheIban() {
        var paired = payIn(office, ClientAccount.iban(MBANK_CLIENT)).orElseThrow();

        assertThat(paired.bankAccountId()).isEqualTo(mbankIncomingDefault.id());
        assertThat(paired.pairedByBank()).isTrue();
        assertThat(paired.printedNumber()).isEqualTo("PL27 1140 2004 0000 3002 0135 5387");

        var fromPko = payIn(office, ClientAccount.iban("PL60 1020 1026 0000 1234 5678 9012"))
                .orElseThrow();
        assertThat(fromPko.bankAccountId()).isEqualTo(pkoBothPayoutDefault.id());
        assertThat(fromPko.pairedByBank()).isTrue();
    }

    @Test
    void fallsBackToTheCurrencysDefaultWhenTheOfficeHasNoAccountAtTheClientsBank() {
        var paired = payIn(office, ClientAccount.iban(SANTANDER_CLIENT)).orElseThrow();

        assertThat(paired.bankAccountId()).isEqualTo(mbankIncomingDefault.id());
        assertThat(paired.pairedByBank()).isFalse();
    }

    @Test
    void knowsTheBankOfADomesticNumberFromItsBic() {
        var withBic = ClientAccount.parse("payFrom", null, "12-3456-7890123", "BPKOPLPWXXX");
        var paired = payIn(office, withBic).orElseThrow();
        assertThat(paired.bankAccountId()).isEqualTo(pkoBothPayoutDefault.id());
        assertThat(paired.pairedByBank()).isTrue();
        assertThat(withBic.number()).isEqualTo("1234567890123");

        var withoutBic = ClientAccount.parse("payFrom", null, "1234567890123", null);
        assertThat(payIn(office, withoutBic).orElseThrow().pairedByBank()).isFalse();
    }

    @Test
    void paysOutOnlyFromAccountsForPayoutsEvenAtTheClientsBank() {
        // the office's mBank account takes incoming payments only: the payout leaves from the payout default
        var paired = payOut(office, ClientAccount.iban(MBANK_CLIENT)).orElseThrow();

        assertThat(paired.bankAccountId()).isEqualTo(pkoBothPayoutDefault.id());
        assertThat(paired.pairedByBank()).isFalse();
        assertThat(payOut(office, ClientAccount.iban(PKO_OFFICE)).orElseThrow().pairedByBank())
                .isTrue();
    }

    @Test
    void choosesTheOldestOfSeveralAccountsAtTheClientsBank() {
        var older = account("PL77114020040000300299887766", null, Purpose.BOTH, false, false);
        var paired = payIn(List.of(older, mbankIncomingDefault), ClientAccount.iban(MBANK_CLIENT))
                .orElseThrow();

        assertThat(paired.bankAccountId()).isEqualTo(older.id());
    }

    @Test
    void findsNothingWithoutAnAccountAtTheBankAndWithoutADefault() {
        var noDefault = account(PKO_OFFICE, null, Purpose.BOTH, false, false);

        assertThat(payIn(List.of(noDefault), ClientAccount.iban(SANTANDER_CLIENT)))
                .isEmpty();
        assertThat(payIn(List.of(), ClientAccount.iban(MBANK_CLIENT))).isEmpty();
        assertThat(payOut(List.of(mbankIncomingDefault), ClientAccount.iban(MBANK_CLIENT)))
                .isEmpty();
    }

    @Test
    void identifiesBanksByIbanBankCodeOrByBicInstitutionAndCountry() {
        var mbank = BankIdentity.of(Iban.parse("iban", MBANK_OFFICE), null);
        assertThat(mbank.keys()).containsExactly("iban:PL:114");
        assertThat(mbank.sameBankAs(BankIdentity.of(Iban.parse("iban", MBANK_CLIENT), null)))
                .isTrue();
        assertThat(mbank.sameBankAs(BankIdentity.of(Iban.parse("iban", SANTANDER_CLIENT), null)))
                .isFalse();
        assertThat(BankIdentity.of(null, "COBADEFFXXX").keys()).containsExactly("bic:COBA:DE");
        assertThat(BankIdentity.of(null, "COBADEFF").sameBankAs(BankIdentity.of(null, "COBADEBB123")))
                .isTrue();
        assertThat(BankIdentity.of(null, "COBADEFF").sameBankAs(BankIdentity.of(null, "COBAATWW")))
                .as("the same institution code in another country is another bank")
                .isFalse();
        assertThat(BankIdentity.of(Iban.parse("iban", "DE89370400440532013000"), null)
                        .sameBankAs(BankIdentity.of(Iban.parse("iban", "DE02370400440532013111"), null)))
                .isTrue();
        assertThat(BankIdentity.shownCode(Iban.parse("iban", "GB29NWBK60161331926819"), "NWBKGB2L"))
                .isEqualTo("NWBK");
        assertThat(BankIdentity.shownCode(null, "NWBKGB2L")).isEqualTo("NWBKGB");
    }

    private static Optional<PairedAccount> payIn(List<BankAccount> active, ClientAccount client) {
        return BankAccountPairing.choose(active, client, a -> a.purpose().receives(), BankAccount::defaultIncoming);
    }

    private static Optional<PairedAccount> payOut(List<BankAccount> active, ClientAccount client) {
        return BankAccountPairing.choose(active, client, a -> a.purpose().pays(), BankAccount::defaultPayout);
    }

    static BankAccount account(
            String iban, @Nullable String bic, Purpose purpose, boolean defaultIncoming, boolean defaultPayout) {
        Iban parsed = Iban.parse("iban", iban);
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        return new BankAccount(
                UUID.randomUUID(),
                "Bank " + parsed.bankCode(),
                bic,
                parsed.value(),
                null,
                parsed.printed(),
                BankIdentity.shownCode(parsed, bic),
                "PLN",
                purpose,
                defaultIncoming,
                defaultPayout,
                true,
                null,
                null,
                now,
                "tests",
                now,
                "tests");
    }
}
