package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.StatementLog;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one order through the portal costs the database in the requests themselves: the quote (the Exchange form
 * posted) and Accept, each counted in statements and transactions (every autocommit statement is one), with the
 * list written to {@code target/portal-order-statements.txt} for docs/benchmarks.md. The ceilings are today's
 * counts: a change that adds a query or a commit to the order path fails here, and says which.
 */
class PortalOrderStatementsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    @Autowired
    DataSource dataSource;

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** The quote as the page's script asks for it (htmx): the quote section alone. */
    private static PortalVisitor.Page quote(PortalVisitor browser) {
        browser.header("HX-Request", "true");
        try {
            return browser.post(
                    "/portal/exchange", "pair", "EUR/PLN", "side", "sell", "amount", "100.00", "currency", "EUR");
        } finally {
            browser.withoutHeader("HX-Request");
        }
    }

    private static PortalVisitor.Page accept(PortalVisitor browser, PortalVisitor.Page quoted) {
        var accepted = browser.post(
                "/portal/exchange/accept",
                "quoteId",
                quoted.html().selectFirst("#accept-form input[name=quoteId]").attr("value"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        return accepted;
    }

    @Test
    void aQuoteAndAnAcceptStayWithinTheirStatementsAndTransactions() throws Exception {
        gateway.status = 202;
        put("/api/v1/exchange/currencies/EUR", "{\"enabled\":true,\"paymentWindow\":\"PT30M\"}");
        put("/api/v1/exchange/currencies/PLN", "{\"enabled\":true}");
        put("/api/v1/exchange/rates/EUR/PLN", "{\"buy\":\"4.2000\",\"sell\":\"4.3000\"}");
        var created = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"bankName\":\"PKO BP\",\"iban\":\"" + TestIbans.polish(TestIbans.PKO)
                                + "\",\"currency\":\"EUR\",\"purpose\":\"both\"}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        var browser = VerifiedClients.approved(port, smtp, gateway, jdbc, api()).browser();
        browser.get("/portal/exchange");
        accept(browser, quote(browser)); // the first order warms what is read once
        // fresh connections: the driver then names no statement before it was sent with its text
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();

        StatementLog.Requests quote;
        StatementLog.Requests accept;
        try (var log = StatementLog.start()) {
            var quoted = quote(browser);
            quote = log.takeAfterQuiet();
            accept(browser, quoted);
            accept = log.takeAfterQuiet();
        }

        Files.writeString(
                Path.of("target/portal-order-statements.txt"), "Quote: " + quote + "\n\nAccept: " + accept + "\n");
        assertThat(quote.statements()).as(quote.toString()).isLessThanOrEqualTo(6);
        assertThat(quote.transactions()).as(quote.toString()).isLessThanOrEqualTo(3);
        assertThat(accept.statements()).as(accept.toString()).isLessThanOrEqualTo(11);
        assertThat(accept.transactions()).as(accept.toString()).isLessThanOrEqualTo(3);
    }

    private void put(String path, String body) {
        var answer = api().put(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
