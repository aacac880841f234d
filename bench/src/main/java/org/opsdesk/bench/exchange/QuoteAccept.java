package org.opsdesk.bench.exchange;

import java.util.regex.Pattern;
import org.opsdesk.bench.http.HttpError;
import org.opsdesk.bench.load.Worker;

/**
 * One order through the portal, as a signed-in client places it: the quote (the Exchange form posted as the page's
 * script sends it, with {@code HX-Request}: sell 100.00 EUR for PLN; the answer shows the locked price and the Accept
 * form — the quote section alone where the server answers htmx so, the whole page before), then Accept (the order is created with its
 * {@code exchange_order} operation, history entry and outbox event, and the client is sent to the order's page).
 * A quote page without the Accept form, or an Accept that does not lead to the new order, is an error carrying what
 * the page said. The redirect is not followed: the order's page is a view, not part of placing it.
 */
final class QuoteAccept {

    static final String QUOTE = "/portal/exchange";
    static final String ACCEPT = "/portal/exchange/accept";
    private static final Pattern QUOTE_ID = Pattern.compile("name=\"quoteId\" value=\"([0-9a-f-]{36})\"");

    private QuoteAccept() {}

    /** A closed-loop client on its own signed-in session; its step is one order, 201 when placed. */
    static Worker worker(PortalSession session) {
        return () -> {
            String quoted = session.postAsHtmx(
                            QUOTE, "pair", DeskSetup.PAIR, "side", "sell", "amount", "100.00", "currency", "EUR")
                    .body();
            String quoteId = PortalSession.find(QUOTE_ID, quoted);
            if (quoteId == null) {
                throw new HttpError(200, "quote refused: " + PortalSession.problem(quoted));
            }
            String order = PortalSession.redirect(session.post(ACCEPT, "quoteId", quoteId), "accept");
            if (!order.startsWith("/portal/orders/") || !order.endsWith("?notice=placed")) {
                throw new HttpError(302, "accept led to " + order + ", not the new order");
            }
            return 201;
        };
    }
}
