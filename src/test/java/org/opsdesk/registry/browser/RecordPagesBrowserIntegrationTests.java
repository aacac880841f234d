package org.opsdesk.registry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.notifications.TestClients;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.RegistryActions;
import org.opsdesk.support.TestSettings;
import org.opsdesk.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A supervisor in Chromium on the registry's pages: finds an account by its number, suspends it through the
 * generated form (sees it suspended and the action in the timeline), types a wrong number to cancel it (sees the
 * refusal beside the field), and restores a deleted person from the deleted records — every page without serious
 * accessibility violations or missing texts.
 */
class RecordPagesBrowserIntegrationTests extends BrowserTest {

    @Autowired
    List<ActionHandler> handlers;

    @Autowired
    List<ActionTargets> targets;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConfigurableEnvironment environment;

    private RegistryActions registry() {
        return new RegistryActions(handlers, targets, transactions);
    }

    @Test
    void aSupervisorFindsSuspendsAndFailsToCancelAnAccountAndRestoresADeletedPerson() {
        String holder = registry().person("Beatriz Browser");
        String account = registry().personalAccount(holder);
        String number = registry().target("account", account).identifier();
        String deleted = registry().person("Diego Deleted");
        registry().take("person.delete", "person", deleted, Map.of());
        signInWithMfa(page, "supervisor");

        page.navigate("/registry");
        page.locator("#registry-q").fill(number);
        page.locator("#registry-q").press("Enter");
        assertThat(page.locator("#registry-hits")).containsText(number);
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
        page.locator("#registry-hits a[href='/accounts/" + account + "']").click();

        waitForPath(page, "/accounts/" + account);
        assertThat(page.locator("#account-status")).hasText("Active");
        assertThat(page.locator("#record-timeline")).containsText("No action has been taken");
        page.locator("#action-account-suspend summary").click();
        page.locator("#account-suspend-reason").fill("chargeback investigation 4471");
        page.locator("#action-account-suspend button[type=submit]").click();

        assertThat(page.locator("#account-status")).hasText("Suspended");
        assertThat(page.locator("#action-notice")).containsText("Success");
        assertThat(page.locator("#record-timeline")).containsText("chargeback investigation 4471");
        assertThat(page.locator("#record-timeline")).containsText("Suspend account");
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);

        page.locator("#action-account-cancel summary").click();
        page.locator("#account-cancel-reason").fill("client asked to close");
        page.locator("#account-cancel-confirm").fill("00000000");
        page.locator("#action-account-cancel button[type=submit]").click();
        assertThat(page.locator("#account-cancel-confirm-error"))
                .hasText("This cannot be undone: type " + number + " exactly to confirm.");
        assertThat(page.locator("#account-cancel-confirm")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#account-status")).hasText("Suspended");
        assertNoSeriousA11yViolations(page);

        page.navigate("/registry/deleted");
        assertThat(page.locator("#deleted-" + deleted)).containsText("Diego Deleted");
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
        page.locator("#restore-reason-" + deleted).fill("deleted by mistake");
        page.locator("#deleted-" + deleted + " button[type=submit]").click();
        waitForPath(page, "/registry/deleted");
        assertThat(page.locator("#action-notice")).containsText("Success");
        assertThat(page.locator("#deleted-" + deleted)).hasCount(0);

        page.navigate("/persons/" + deleted);
        assertThat(page.locator("#person-data")).containsText("Diego Deleted");
        assertThat(page).hasURL(Pattern.compile(".*/persons/" + deleted));
    }

    @Test
    void aSupervisorUpdatesAPersonAnAccountLimitAndAsksToResetAUsersTrustedDevices() {
        String person = registry().person("Paula Update");
        String account = registry().personalAccount(person);
        String user = registry().user(account, "paula." + java.util.UUID.randomUUID() + "@example.com");
        String type = "pix_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        registry()
                .take(
                        "limit.define",
                        "limit-type",
                        null,
                        Map.of(
                                "transactionType",
                                type,
                                "daytime",
                                RegistryActions.brl("5000.00"),
                                "nighttime",
                                RegistryActions.brl("1000.00")));
        signInWithMfa(page, "supervisor");

        page.navigate("/persons/" + person);
        page.locator("#action-person-update summary").click();
        page.locator("#person-update-name").fill("Paula Updated Souza");
        page.locator("#person-update-reason").fill("name changed by marriage, certificate 991");
        page.locator("#action-person-update button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Paula Updated Souza");
        assertThat(page.locator("#record-timeline")).containsText("Update person");
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);

        page.navigate("/accounts/" + account);
        page.locator("#action-limit-update summary").click();
        page.locator("#limit-update-transactionType").fill(type);
        page.locator("#limit-update-daytime").fill("250.00");
        page.locator("#limit-update-nighttime").fill("75.00");
        page.locator("#limit-update-reason").fill("client asked for lower limits");
        page.locator("#action-limit-update button[type=submit]").click();
        assertThat(page.locator("#action-notice")).containsText("Success");
        assertThat(page.locator(
                        "#account-limits tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(type)))
                .containsText("250.00 BRL");

        page.navigate("/users/" + user);
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
        page.locator("#action-user-reset-trusted-device summary").click();
        page.locator("#user-reset-trusted-device-reason").fill("phone stolen, reported by the client");
        page.locator("#action-user-reset-trusted-device button[type=submit]").click();
        assertThat(page.locator("#action-notice")).containsText("Waiting for a second person");
        assertThat(page.locator("#action-notice a")).hasAttribute("href", Pattern.compile("/operations/.+"));
    }

    /**
     * The cards category: a support operator links a no-name card, and a malformed reference is refused in place;
     * support sees the invocation it made (it failed before support was given the action families' view).
     */
    @Test
    void aSupportOperatorLinksANoNameCardToAnAccount() {
        String account = registry().personalAccount(registry().person("Carlos Card"));
        String reference =
                "NN-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        signInWithMfa(page, "support");

        page.navigate("/accounts/" + account);
        page.locator("#action-card-link-no-name summary").click();
        page.locator("#card-link-no-name-cardReference").fill("no spaces allowed");
        page.locator("#action-card-link-no-name button[type=submit]").click();
        assertThat(page.locator("#card-link-no-name-cardReference")).hasAttribute("aria-invalid", "true");
        assertNoSeriousA11yViolations(page);

        page.locator("#card-link-no-name-cardReference").fill(reference);
        page.locator("#action-card-link-no-name button[type=submit]").click();
        assertThat(page.locator("#action-notice")).containsText("Success");
        assertThat(page.locator("#record-timeline")).containsText("Link no-name card");
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
    }

    /**
     * The push message: with the tenant's messaging on, a support operator writes one to the account's users from
     * its page; a blank message is refused beside its field, then the push reaches the local gateway and the action
     * shows in the timeline.
     */
    @Test
    void aSupportOperatorSendsAPushToTheAccountsUsers() {
        TestSettings.set(environment, TestSettings.MESSAGING, "true");
        try (var gateway = new GatewayServer(GATEWAY_PORT)) {
            String account = registry().personalAccount(registry().person("Paula Push"));
            String token = "browser-token-" + UUID.randomUUID();
            String subject = TestClients.create(api(), "pt-BR", "\"pushToken\":\"" + token + "\"", "push", true);
            registry()
                    .take(
                            "user.create",
                            "account",
                            account,
                            Map.of(
                                    "name",
                                    "Paula Push",
                                    "email",
                                    "paula-" + token + "@example.com",
                                    "subject",
                                    subject));
            signInWithMfa(page, "support");

            page.navigate("/accounts/" + account);
            page.locator("#action-account-send-push summary").click();
            page.locator("#account-send-push-title").fill("Manutenção");
            page.locator("#action-account-send-push button[type=submit]").click();
            assertThat(page.locator("#account-send-push-text")).hasAttribute("aria-invalid", "true");
            assertNoSeriousA11yViolations(page);

            page.locator("#account-send-push-title").fill("Manutenção");
            page.locator("#account-send-push-text").fill("O Pix volta às 14h.");
            page.locator("#action-account-send-push button[type=submit]").click();
            assertThat(page.locator("#action-notice")).containsText("Success");
            assertThat(page.locator("#record-timeline")).containsText("Send push message");
            assertNoMissingMessageKeys(page);
            assertNoSeriousA11yViolations(page);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> gateway.received.stream()
                    .anyMatch(r -> r.body().contains(token)));
        } finally {
            TestSettings.reset(environment, TestSettings.MESSAGING);
        }
    }
}
