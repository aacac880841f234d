package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.payouts.PayoutDesk;

/**
 * The payout pages as a cashier clicks through them: a batch made from an account's button, released (below the HKD
 * threshold), its file downloaded through the page's form (which sends it), a transfer confirmed by hand with a
 * reason; a refusal in the operator's language beside what caused it.
 */
class PayoutPagesIntegrationTests extends SignInTestSupport {

    private PayoutDesk desk;
    private ConsoleClient cashier;

    @BeforeEach
    void signInAsACashier() {
        desk = new PayoutDesk(api());
        String role = roleWithoutMfa(
                "payout-pages",
                "exchange:view",
                "exchange:payouts",
                "exchange_order:view",
                "exchange_order:transition:completed");
        cashier = signedInAs(operatorSpeaking("pl", role));
    }

    @Test
    void aCashierMakesReleasesSendsAndConfirmsABatchFromThePages() {
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        String order = desk.waitingOrder(bank, "120.00", "Anne Jensen");
        assertThat(cashier.get("/exchange/payouts").body()).contains("Paczki wypłat", account);

        var made = cashier.post("/exchange/payouts", "bankAccountId", account);

        assertThat(made.status()).isEqualTo(302);
        String page = made.location();
        var batch = cashier.get(page);
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body()).contains("Anne Jensen", "w paczce");
        assertThat(cashier.post(page + "/release").status()).isEqualTo(302);
        assertThat(cashier.get(page).body()).contains("Pobierz csv");

        var file = cashier.post(page + "/file", "format", "pain.001.001.09");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).contains("<CstmrCdtTrfInitn>", "Anne Jensen");
        assertThat(desk.stage(order)).isEqualTo("payout_sent");
        var sent = cashier.get(page);
        String item = sent.html().selectFirst("tr[data-item]").attr("data-item");
        var noReason = cashier.post(page + "/items/" + item + "/confirm", "reason", " ");
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.html().selectFirst("#item-error-" + item).text()).contains("Podaj powód");
        var confirmed = cashier.post(page + "/items/" + item + "/confirm", "reason", "Bank potwierdził telefonicznie");
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(desk.stage(order)).isEqualTo("completed");
        assertThat(cashier.get(page).body()).contains("potwierdzony", "Bank potwierdził telefonicznie");
    }

    @Test
    void anAccountWithNothingWaitingSaysSoBesideItsButton() {
        String account = desk.account(PayoutDesk.bank(), "HKD");
        cashier.get("/exchange/payouts");

        var refused = cashier.post("/exchange/payouts", "bankAccountId", account);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("#make-error-" + account).text())
                .contains("Żadne zlecenie ani zwrot nie czeka");
        assertThat(cashier.postWithoutToken("/exchange/payouts", "bankAccountId", account)
                        .status())
                .isEqualTo(403);
    }
}
