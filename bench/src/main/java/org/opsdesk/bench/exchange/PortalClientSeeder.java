package org.opsdesk.bench.exchange;

import static org.opsdesk.bench.Bench.log;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.http.HttpError;
import org.opsdesk.exchange.accounts.TestIbans;

/**
 * Verified portal clients made through the public interfaces, as the portal's tests make them ({@code
 * VerifiedClients}): the registration form over HTTP, the link emailed to GreenMail followed, the code texted to the
 * gateway typed, and the {@code kyc_verification} operation moved to {@code verified} through the core API by the
 * bench's key (its id read from the database, as the tests read it). Each client stays signed in on its own
 * {@link PortalSession}, which the measured loop then uses.
 */
final class PortalClientSeeder {

    static final String PASSWORD = "correct horse battery staple";

    private final BenchApp app;
    private final ApiRequests api;
    private final Inboxes inboxes;

    PortalClientSeeder(BenchApp app, ApiRequests api, Inboxes inboxes) {
        this.app = app;
        this.api = api;
        this.inboxes = inboxes;
    }

    /** {@code count} clients, each verified and approved, signed in and on the Exchange page. */
    List<PortalSession> seed(int count) throws Exception {
        long t0 = System.nanoTime();
        var sessions = new ArrayList<PortalSession>();
        for (int i = 0; i < count; i++) {
            sessions.add(verifiedClient(i));
        }
        log(String.format(
                "%d portal clients registered, verified and approved in %.1f s", count, Bench.secondsSince(t0)));
        return sessions;
    }

    private PortalSession verifiedClient(int i) throws Exception {
        String email = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String phone = "+48" + (600_100_000 + i);
        var session = new PortalSession(app.port());
        session.page("/portal/register");
        expect(session.post("/portal/register", form(email, phone)), "/portal/home", "registration");
        String token = inboxes.emailedToken(email);
        session.page("/portal/verify-email?token=" + token);
        expect(session.post("/portal/verify-email", "token", token), "/portal/verify-phone", "the email link");
        session.page("/portal/verify-phone");
        expect(session.post("/portal/verify-phone/send"), "/portal/verify-phone?notice=codeSent", "sending the code");
        String code = inboxes.textedCode(phone);
        session.page("/portal/verify-phone");
        expect(session.post("/portal/verify-phone", "code", code), "/portal/home?notice=phoneVerified", "the code");
        api.send("POST", "/api/v1/operations/" + kycOperation(email) + "/transitions", "{\"to\":\"verified\"}");
        String exchange = session.page("/portal/exchange");
        if (!exchange.contains("id=\"quote-form\"") || exchange.contains("id=\"before-kyc\"")) {
            throw new IllegalStateException(
                    email + " may not order after the approval: " + PortalSession.problem(exchange));
        }
        return session;
    }

    /** A Polish person (the PESEL of the Polish Wikipedia) with a PLN payout account, consenting to email and SMS. */
    private static String[] form(String email, String phone) {
        return new String[] {
            "kind", "person",
            "firstName", "Zofia",
            "lastName", "Kowalska-Żółć",
            "birthDate", "1944-05-14",
            "nationalId", "44051401359",
            "country", "PL",
            "street", "ul. Marszałkowska 1",
            "postalCode", "00-001",
            "city", "Warszawa",
            "email", email,
            "phone", phone,
            "consentEmail", "on",
            "consentSms", "on",
            "password", PASSWORD,
            "passwordRepeat", PASSWORD,
            "payoutCurrency0", "PLN",
            "payoutIban0", TestIbans.polish(TestIbans.MBANK)
        };
    }

    private static void expect(org.opsdesk.bench.http.PlainHttp.Response response, String target, String step)
            throws HttpError {
        String location = PortalSession.redirect(response, step);
        if (!location.startsWith(target)) {
            throw new HttpError(response.status(), step + " redirected to " + location + ", not " + target);
        }
    }

    private UUID kycOperation(String email) throws Exception {
        try (Connection db = app.connect(30);
                var ps = db.prepareStatement("select kyc_operation_id from portal.client where email = ?")) {
            ps.setString(1, email);
            try (var rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(1) == null) {
                    throw new IllegalStateException(email + " was not handed to compliance");
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
