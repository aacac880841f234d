package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;

/**
 * The console's pages of portal clients: the list and one client's data and verification for an operator holding
 * {@code clients:view}; refused, on the server, to an operator without it and to anyone not signed in.
 */
class PortalClientPagesIntegrationTests extends IntegrationTest {

    private static final AtomicInteger N = new AtomicInteger();

    private PortalVisitor visitor() {
        return new PortalVisitor(port, "192.0.2." + (100 + N.incrementAndGet() % 150));
    }

    /** A console browser signed in as a new operator whose one role (no second factor) holds these permissions. */
    private PortalVisitor operatorWith(String role, String permission) {
        var created = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"" + role + "\",\"description\":\"tests\",\"permissions\":[\"" + permission
                                + "\"],\"mfaRequired\":false}");
        assertThat(created.status()).isIn(201, 409);
        String operator = ensureOperator(role + "-" + N.incrementAndGet(), role);
        var browser = visitor();
        browser.get("/login");
        assertThat(browser.post("/login", "username", operator, "password", OPERATOR_PASSWORD)
                        .status())
                .isEqualTo(302);
        return browser;
    }

    @Test
    void showsPortalClientsAndTheirDataToOperatorsWhoMayReadClients() {
        var form = Registrations.person().with("firstName", "<b>Zofia</b>");
        var client = visitor();
        client.get("/portal/register");
        assertThat(client.post("/portal/register", form.fields()).status()).isEqualTo(302);
        String id = jdbc.sql("select id::text from portal.client where email = ?")
                .param(form.email())
                .query(String.class)
                .single();
        var reader = operatorWith("portal-client-readers", "clients:view");

        var list = reader.get("/portal-clients");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html()
                        .select("#portal-clients a[href=/portal-clients/" + id + "]")
                        .text())
                .isEqualTo("<b>Zofia</b> Kowalska-Żółć");
        assertThat(list.body()).doesNotContain("<b>Zofia</b>");
        var detail = reader.get("/portal-clients/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.html().select("#portal-client-data").text())
                .contains("44051401359", "1944-05-14", "ul. Marszałkowska 1");
        assertThat(detail.html().select("#portal-client-payout").text()).contains("PL61 1090 1014 0000 0712 1981 2874");
        assertThat(detail.html().select("#portal-client-kyc").text()).isEqualTo("Not started");
        assertThat(detail.html()
                        .select("#portal-client-history td:nth-child(2)")
                        .eachText())
                .containsExactly("Registered");
        assertThat(reader.get("/portal-clients/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void refusesThePagesToOperatorsWithoutClientsViewAndToAnyoneSignedOut() {
        var other = operatorWith("portal-client-outsiders", "workflows:view");

        assertThat(other.get("/portal-clients").status()).isEqualTo(403);
        assertThat(other.get("/portal-clients/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(403);
        assertThat(visitor().get("/portal-clients").location()).startsWith("/login");
    }
}
