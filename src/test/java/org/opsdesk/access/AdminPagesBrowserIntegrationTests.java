package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The administration pages, clicked through: an administrator creates an operator, an API key whose secret is
 * shown once and then revokes it, registers a webhook endpoint, simulates an event and resends it, and finds it
 * all in the security log; an auditor sees the same pages without a single write control, and a forged form
 * (with a valid CSRF token) is refused by the server.
 */
class AdminPagesBrowserIntegrationTests extends BrowserTest {

    /** A webhook peer on 127.0.0.1 that answers 204 and hands over every body it received. */
    private HttpServer peer;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startPeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        peer.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        peer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
    }

    @Test
    void anAdministratorManagesOperatorsKeysAndWebhooksAndFindsItAllInTheSecurityLog() throws Exception {
        var admin = signInWithMfa(page, "admin");
        page.onDialog(Dialog::accept);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        page.navigate("/admin");
        assertThat(page.locator(".admin-sections li").count()).isEqualTo(6);
        assertThat(page.locator(".admin-sections a[href='/operations/dead-letters']")
                        .count())
                .as("the dead letters are an administration section")
                .isEqualTo(1);
        checkPage("index");

        // An operator, with a role.
        page.locator("a[href='/admin/operators']").click();
        waitForPath(page, "/admin/operators");
        checkPage("operators");
        String username = "made-" + suffix;
        page.locator("#username").fill(username);
        page.locator("#displayName").fill("Made In Browser");
        page.locator("#email").fill(username + "@example.com");
        page.locator("#password").fill(OPERATOR_PASSWORD);
        page.locator("#create-operator input[name=roles][value=support]").check();
        page.locator("#create-operator button[type=submit]").click();
        waitForPath(page, "/admin/operators/" + username);
        assertThat(page.locator("h1").textContent()).isEqualTo("Made In Browser");
        checkPage("operator");

        // A role: created here, not deletable while an operator holds it, deleted once nobody does.
        page.navigate("/admin/roles");
        String roleName = "desk-" + suffix;
        page.locator("#name").fill(roleName);
        page.locator("#permissions").selectOption("withdrawal:view");
        page.locator("#create-role button[type=submit]").click();
        waitForPath(page, "/admin/roles/" + roleName);
        String holder = ensureOperator("holder-" + suffix, roleName);
        page.locator("#delete-role button[type=submit]").click();
        waitForPath(page, "/admin/roles/" + roleName + "/delete");
        assertThat(page.locator("#delete-role [role=alert]").textContent())
                .contains("still given to operators", "given to 1 operator");
        assertThat(api().put("/api/v1/operators/" + holder, "{\"roles\":[\"support\"]}")
                        .status())
                .isEqualTo(200);
        page.navigate("/admin/roles/" + roleName);
        page.locator("#delete-role button[type=submit]").click();
        waitForPath(page, "/admin/roles");
        assertThat(page.locator("#roles").textContent()).doesNotContain(roleName);
        page.navigate("/admin/roles/support");
        assertThat(page.locator("#delete-role").count())
                .as("built-in roles offer no delete")
                .isZero();

        // A refusal is shown beside the control that asked, not as an error page.
        page.navigate("/admin/operators/" + admin.username());
        page.locator("#operator-actions form[action$='/disable'] button").click();
        assertThat(page.locator("#operator-actions [role=alert]").textContent())
                .contains("you cannot disable yourself");

        // An API key: the secret once, then never again; it works until revoked.
        page.navigate("/admin/api-keys");
        checkPage("api-keys");
        String keyName = "browser-key-" + suffix;
        page.locator("#name").fill(keyName);
        page.locator("#permissions").selectOption("withdrawal:view");
        page.locator("#create-key button[type=submit]").click();
        String secret = page.locator("#secret").textContent().strip();
        assertThat(secret).isNotBlank();
        screenshot(page, "api-key-secret");
        assertThat(api().withKey(secret).get("/api/v1/operations/counts").status())
                .isEqualTo(200);
        page.reload();
        waitForPath(page, "/admin/api-keys");
        assertThat(page.locator("#secret").count()).isZero();
        assertThat(page.content()).doesNotContain(secret);
        var keyRow = page.locator("#api-keys tbody tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(keyName));
        assertThat(keyRow.textContent()).contains("active", "withdrawal:view");
        keyRow.locator("button").click();
        waitForPath(page, "/admin/api-keys");
        assertThat(keyRow.textContent()).contains("revoked");
        assertThat(api().withKey(secret).get("/api/v1/operations/counts").status())
                .isEqualTo(401);

        // A webhook endpoint: registered, a simulated event delivered to the peer, then resent.
        page.navigate("/admin/webhooks");
        checkPage("webhooks");
        String url = "http://127.0.0.1:" + peer.getAddress().getPort() + "/hook";
        page.locator("#url").fill(url);
        page.locator("#description").fill("browser " + suffix);
        page.locator("#create-webhook button[type=submit]").click();
        assertThat(page.locator("#secret").textContent().strip()).startsWith("whsec_");
        page.locator("#endpoint-link").click();
        String endpointPath = URI.create(page.url()).getPath();
        assertThat(endpointPath).startsWith("/admin/webhooks/");
        assertThat(page.locator("#endpoint-url").textContent()).isEqualTo(url);
        var created = page.locator("#change-list tr[data-action=created]");
        assertThat(created.count())
                .as("the endpoint's change log shows its creation")
                .isEqualTo(1);
        assertThat(created.textContent()).contains(admin.username(), url);

        page.locator("#simulate").click();
        waitForPath(page, endpointPath);
        String first = received.poll(20, TimeUnit.SECONDS);
        assertThat(first).as("the simulated event reached the peer").contains("operation.status_changed");
        var delivery = deliveryRowOnceSent(page);
        assertThat(delivery.textContent()).contains("simulated", "sent");
        checkPage("webhook");

        delivery.locator("button.resend").click();
        waitForPath(page, endpointPath);
        assertThat(received.poll(20, TimeUnit.SECONDS)).as("resent").isEqualTo(first);
        assertThat(page.locator("#delivery-list tbody tr[data-delivery]").count())
                .isEqualTo(1);

        // The security log lists what was done, filtered by the administrator and by kind.
        page.navigate("/admin/security-log?actor=" + admin.username());
        var kinds = page.locator("#security-log tbody tr[data-kind] td:nth-child(2)").allTextContents().stream()
                .map(String::strip)
                .toList();
        assertThat(kinds)
                .contains("operator_created", "role_created", "role_deleted", "api_key_created", "api_key_revoked");
        assertThat(page.locator("#security-log").textContent()).contains("operator:" + username);
        page.locator("#kind").selectOption("api_key_revoked");
        page.locator("form.filters button[type=submit]").click();
        page.waitForURL(u -> u.contains("kind=api_key_revoked"));
        assertThat(page.locator("#security-log tbody tr[data-kind]").allTextContents())
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains("api_key_revoked"));
        checkPage("security-log");

        page.navigate("/admin/security-log?actor=" + admin.username() + "&from=2099-01-01T00:00");
        assertThat(page.locator("#security-log tbody tr[data-kind]").count())
                .as("nothing after the time range's start")
                .isZero();
        page.navigate("/admin/security-log?actor=" + admin.username() + "&to=2000-01-01T00:00");
        assertThat(page.locator("#security-log tbody tr[data-kind]").count()).isZero();
        page.navigate("/admin/security-log?from=yesterday");
        assertThat(page.locator("p.field-error[role=alert]").textContent()).contains("2026-12-05T10:00");
    }

    @Test
    void anAuditorReadsEveryAdministrationPageWithoutWriteControlsAndForgedPostsAreRefused() {
        var auditor = signInWithMfa(page, "auditor");
        String hook = api().post(
                        "/api/v1/webhooks",
                        "{\"url\":\"http://127.0.0.1:" + peer.getAddress().getPort()
                                + "/hook\",\"eventTypes\":[\"*\"]}")
                .json()
                .get("id")
                .asString();

        page.navigate("/admin");
        assertThat(page.locator(".admin-sections li").count()).isEqualTo(5);
        for (String path : List.of(
                "/admin/operators",
                "/admin/operators/" + auditor.username(),
                "/admin/roles",
                "/admin/roles/support",
                "/admin/api-keys",
                "/admin/webhooks",
                "/admin/webhooks/" + hook,
                "/admin/security-log")) {
            assertThat(page.navigate(path).status()).as(path).isEqualTo(200);
            assertThat(page.locator("main form[method=post]").count())
                    .as("write controls on %s", path)
                    .isZero();
            assertNoSeriousA11yViolations(page);
            assertNoMissingMessageKeys(page);
        }
        screenshot(page, "auditor-security-log");
        for (String language : List.of("pt-BR", "nl", "pl")) {
            page.navigate("/admin/webhooks/" + hook + "?lang=" + language);
            assertNoMissingMessageKeys(page);
            page.navigate("/admin/operators/" + auditor.username());
            assertNoMissingMessageKeys(page);
        }
        page.navigate("/admin/security-log?lang=pl");
        assertThat(page.locator("h1").textContent()).isEqualTo("Dziennik bezpieczeństwa");
        page.navigate("/admin?lang=en");

        page.navigate("/admin/operators");
        String token = page.locator("meta[name=csrf-token]").getAttribute("content");
        String forged = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        var createOperator = page.request()
                .post(
                        "/admin/operators",
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("_csrf", token)
                                        .set("username", forged)
                                        .set("displayName", "Forged")
                                        .set("password", OPERATOR_PASSWORD)
                                        .set("roles", "admin"))
                                .setMaxRedirects(0));
        assertThat(createOperator.status()).isEqualTo(403);
        var createKey = page.request()
                .post(
                        "/admin/api-keys",
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("_csrf", token)
                                        .set("name", forged)
                                        .set("permissions", "withdrawal:view"))
                                .setMaxRedirects(0));
        assertThat(createKey.status()).isEqualTo(403);
        var simulate = page.request()
                .post(
                        "/admin/webhooks/" + hook + "/test",
                        RequestOptions.create()
                                .setForm(FormData.create().set("_csrf", token))
                                .setMaxRedirects(0));
        assertThat(simulate.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from access.operator where username = ?")
                        .param(forged)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from access.api_key where name = ?")
                        .param(forged)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The endpoint's one delivery once the worker has recorded it as sent (reloading until it has). */
    private static com.microsoft.playwright.Locator deliveryRowOnceSent(Page page) {
        var sent = page.locator("#delivery-list tr[data-delivery][data-state=sent]");
        for (int i = 0; i < 100 && sent.count() == 0; i++) {
            page.reload();
        }
        assertThat(sent.count()).as("a sent delivery on the page").isEqualTo(1);
        return sent;
    }

    private void checkPage(String name) {
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
        screenshot(page, name);
    }
}
