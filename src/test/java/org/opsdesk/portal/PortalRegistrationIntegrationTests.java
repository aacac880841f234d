package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.support.IntegrationTest;

/**
 * Registration on the portal over real HTTP: a person's happy path with its email link, the link's single use and
 * expiry, and bad input of every kind — each answered 422 (never 5xx) with the error beside its field in the
 * client's language, and nothing stored.
 */
class PortalRegistrationIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private PortalVisitor visitor() {
        return new PortalVisitor(port, "198.51.100." + (1 + ADDRESSES.incrementAndGet() % 250));
    }

    private long clients() {
        return jdbc.sql("select count(*) from portal.client").query(Long.class).single();
    }

    private String emailedToken(String address) throws Exception {
        return PortalMessages.emailedToken(smtp, address);
    }

    @Test
    void registersAPersonStoresTheirDataAndEmailsALinkThatVerifiesTheAddressOnce() throws Exception {
        var form = Registrations.person();
        var browser = visitor();
        browser.get("/portal/register");

        var answer = browser.post("/portal/register", form.fields());

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/portal/home");
        assertThat(answer.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(PortalVisitor.PORTAL_COOKIE + "=")
                .contains("Path=/portal", "HttpOnly", "SameSite=Lax"));
        var stored = jdbc.sql(
                        "select subject, display_name, phone, locale, details->>'pesel', email_verified_at is null"
                                + " from portal.client where email = ?")
                .param(form.email())
                .query((rs, n) -> new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)
                })
                .single();
        assertThat(stored[0]).startsWith("portal-");
        assertThat(stored[1]).isEqualTo("Zofia Kowalska-Żółć");
        assertThat(stored[2]).isEqualTo("+48600100200");
        assertThat(stored[3]).isEqualTo("en");
        assertThat(stored[4]).isEqualTo("44051401359");
        assertThat(stored[5]).isEqualTo("t");
        assertThat(jdbc.sql("select iban from portal.payout_account a join portal.client c on c.id = a.client_id"
                                + " where c.email = ?")
                        .param(form.email())
                        .query(String.class)
                        .single())
                .isEqualTo("PL61109010140000071219812874");
        var home = browser.get("/portal/home");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Zofia Kowalska-Żółć");

        String token = emailedToken(form.email());
        assertThat(jdbc.sql("select count(*) from portal.email_token where token_hash = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .as("the token itself is never stored")
                .isZero();
        var confirmPage = browser.get("/portal/verify-email?token=" + token);
        assertThat(confirmPage.status()).isEqualTo(200);
        assertThat(emailVerified(form.email()))
                .as("opening the link alone verifies nothing")
                .isFalse();
        var confirmed = browser.post("/portal/verify-email", "token", token);
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(confirmed.location()).startsWith("/portal/verify-phone");
        assertThat(emailVerified(form.email())).isTrue();

        browser.get("/portal/verify-email?token=" + token);
        var again = browser.post("/portal/verify-email", "token", token);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.html().select("[role=alert]").text()).contains("used already");
    }

    @Test
    void refusesAnEmailLinkAfterItExpiresAndAnUnknownOne() throws Exception {
        var form = Registrations.person();
        var browser = visitor();
        browser.get("/portal/register");
        browser.post("/portal/register", form.fields());
        String token = emailedToken(form.email());

        clock().advance(Duration.ofHours(24).plusSeconds(1));
        var stranger = visitor();
        stranger.get("/portal/verify-email?token=" + token);
        var expired = stranger.post("/portal/verify-email", "token", token);
        var unknown = stranger.post("/portal/verify-email", "token", token.substring(1) + "x");

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.html().select("[role=alert]").text()).contains("expired");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.html().select("[role=alert]").text()).contains("not valid");
        assertThat(emailVerified(form.email())).isFalse();
    }

    @Test
    void showsMarkupInNamesAsTextAndAcceptsLettersOfAnyScript() {
        var form = Registrations.person()
                .with("country", "JP")
                .with("nationalId", "TK1234567")
                .with("firstName", "<script>alert(1)</script>花子")
                .with("lastName", "Ngọc Ánh O'Brien");
        var browser = visitor();
        browser.get("/portal/register");

        assertThat(browser.post("/portal/register", form.fields()).status()).isEqualTo(302);
        var home = browser.get("/portal/home");

        assertThat(home.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(home.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;花子 Ngọc Ánh O&#39;Brien");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("firstName", "", "Please fill this in."),
                Arguments.of("firstName", "   ", "Please fill this in."),
                Arguments.of("firstName", "A".repeat(101), "At most 100 characters"),
                Arguments.of("firstName", "Ann\u0000a", "characters we cannot accept"),
                Arguments.of("firstName", "Ann\u202Ea", "characters we cannot accept"),
                Arguments.of("lastName", "Smith\nJones", "characters we cannot accept"),
                Arguments.of("lastName", "12345", "at least one letter"),
                Arguments.of("lastName", "\uFFFD\uFFFD", "characters we cannot accept"),
                Arguments.of("birthDate", "14.05.1944", "not a valid date"),
                Arguments.of("birthDate", "2999-01-01", "not a valid date"),
                Arguments.of("birthDate", "2020-01-01", "at least 18"),
                Arguments.of("nationalId", "44051401358", "not a valid PESEL"),
                Arguments.of("nationalId", "4405140135", "not a valid PESEL"),
                Arguments.of("nationalId", "02070803628", "another date of birth"),
                Arguments.of("email", "not-an-address", "not an email address"),
                Arguments.of("email", "a@b", "not an email address"),
                Arguments.of("email", "x".repeat(250) + "@example.com", "At most 254 characters"),
                Arguments.of("phone", "600100200", "international form"),
                Arguments.of("phone", "+48 abc", "international form"),
                Arguments.of("password", "short", "At least 12 characters"),
                Arguments.of("password", "password1234", "too common"),
                Arguments.of("payoutIban0", "PL61 1090 1014 0000 0712 1981 2875", "not a valid IBAN"),
                Arguments.of("payoutIban0", "", "Please fill this in."),
                Arguments.of("payoutCurrency0", "XYZ", "Choose a currency"),
                Arguments.of("country", "XX", "Choose a country"),
                Arguments.of("street", "S".repeat(201), "At most 200 characters"),
                Arguments.of("kind", "robot", "person or for a company"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("badInput")
    void refusesBadInputBesideItsFieldAndStoresNothing(String field, String value, String message) {
        long before = clients();
        var browser = visitor();
        browser.get("/portal/register");

        var answer = browser.post(
                "/portal/register", Registrations.person().with(field, value).fields());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.fieldError(field)).contains(message);
        var input = answer.html().getElementById(field);
        if (input != null) {
            assertThat(input.attr("aria-invalid")).isEqualTo("true");
            assertThat(input.attr("aria-describedby")).contains("err-" + field);
        }
        assertThat(clients()).isEqualTo(before);
    }

    @Test
    void refusesTheSecondPasswordWhenItDiffers() {
        var browser = visitor();
        browser.get("/portal/register");

        var answer = browser.post(
                "/portal/register",
                Registrations.person().with("passwordRepeat", "something else").fields());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.fieldError("passwordRepeat")).contains("not the same");
    }

    @Test
    void refusesAnEmailAddressRegisteredAlreadyInAnyCaseAndStoresNothing() {
        var first = Registrations.person();
        var browser = visitor();
        browser.get("/portal/register");
        assertThat(browser.post("/portal/register", first.fields()).status()).isEqualTo(302);
        long before = clients();

        var other = visitor();
        other.get("/portal/register");
        var answer = other.post(
                "/portal/register",
                Registrations.person()
                        .with("email", first.email().toUpperCase())
                        .fields());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.fieldError("email")).contains("already has an account");
        assertThat(clients()).isEqualTo(before);
    }

    @Test
    void refusesBytesThatAreNotUtf8WithoutAServerError() {
        long before = clients();
        var browser = visitor();
        browser.get("/portal/register");
        var valid = Registrations.person().without("firstName").fields();
        var body = new StringBuilder("firstName=Ann%C3%28a%FF");
        valid.forEach((name, value) -> body.append('&')
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));

        var answer = browser.postEncoded("/portal/register", body.toString());

        assertThat(answer.status()).isBetween(400, 499);
        if (answer.status() == 422) {
            assertThat(answer.fieldError("firstName")).contains("characters we cannot accept");
        }
        assertThat(clients()).isEqualTo(before);
    }

    @Test
    void speaksTheBrowsersLanguageAndTheErrorsToo() {
        var browser = visitor().header("Accept-Language", "pl-PL,pl;q=0.9,en;q=0.5");
        var page = browser.get("/portal/register");
        assertThat(page.html().select("h1").text()).isEqualTo("Załóż konto osoby prywatnej");

        var answer = browser.post(
                "/portal/register",
                Registrations.company().with("taxNumber", "1234563219").fields());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.fieldError("taxNumber")).isEqualTo("To nie jest poprawny NIP: sprawdź cyfry.");
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() {
        long before = clients();
        var answer = visitor().postWithoutToken("/portal/register", "kind", "person");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(clients()).isEqualTo(before);
    }

    private boolean emailVerified(String email) {
        return jdbc.sql("select email_verified_at is not null from portal.client where email = ?")
                .param(email)
                .query(Boolean.class)
                .single();
    }
}
