package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Portal clients made through the portal itself, for the ordering tests: registered, the emailed link followed,
 * the texted code typed (so compliance has their {@code kyc_verification} operation) and, when asked, approved by
 * compliance through the API.
 */
final class VerifiedClients {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(100);

    /** A signed-in client and who they are. */
    record Client(PortalVisitor browser, String email, String subject, UUID kycOperation) {}

    private VerifiedClients() {}

    /** Registers the form's client in this browser and follows the link emailed to them. */
    static void registerWithEmailVerified(PortalVisitor browser, GreenMailExtension smtp, Registrations form)
            throws Exception {
        browser.get("/portal/register");
        assertThat(browser.post("/portal/register", form.fields()).status()).isEqualTo(302);
        String token = PortalMessages.emailedToken(smtp, form.email());
        browser.get("/portal/verify-email?token=" + token);
        assertThat(browser.post("/portal/verify-email", "token", token).status())
                .isEqualTo(302);
    }

    /** A client whose identity compliance has still to check. */
    static Client pending(int port, GreenMailExtension smtp, GatewayServer gateway, JdbcClient jdbc) throws Exception {
        return pending(port, smtp, gateway, jdbc, "en");
    }

    /** A client who registered in this language (their portal and messages are in it), not yet checked. */
    static Client pending(int port, GreenMailExtension smtp, GatewayServer gateway, JdbcClient jdbc, String language)
            throws Exception {
        var form = Registrations.person();
        var browser = new PortalVisitor(port, "198.51.100." + (1 + ADDRESSES.incrementAndGet() % 250))
                .header("Accept-Language", language);
        registerWithEmailVerified(browser, smtp, form);
        gateway.received.clear();
        browser.get("/portal/verify-phone");
        assertThat(browser.post("/portal/verify-phone/send").status()).isEqualTo(302);
        String code = PortalMessages.textedCode(gateway, "+48600100200");
        browser.get("/portal/verify-phone");
        assertThat(browser.post("/portal/verify-phone", "code", code).status()).isEqualTo(302);
        var row = jdbc.sql("select subject, kyc_operation_id from portal.client where email = ?")
                .param(form.email())
                .query((rs, n) -> new Client(browser, form.email(), rs.getString(1), rs.getObject(2, UUID.class)))
                .single();
        assertThat(row.kycOperation()).as("handed to compliance").isNotNull();
        return row;
    }

    /** A client whose identity compliance approved. */
    static Client approved(int port, GreenMailExtension smtp, GatewayServer gateway, JdbcClient jdbc, ApiClient api)
            throws Exception {
        return approved(port, smtp, gateway, jdbc, api, "en");
    }

    /** A client who registered in this language and whose identity compliance approved. */
    static Client approved(
            int port, GreenMailExtension smtp, GatewayServer gateway, JdbcClient jdbc, ApiClient api, String language)
            throws Exception {
        Client client = pending(port, smtp, gateway, jdbc, language);
        var approved =
                api.post("/api/v1/operations/" + client.kycOperation() + "/transitions", "{\"to\":\"verified\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return client;
    }
}
