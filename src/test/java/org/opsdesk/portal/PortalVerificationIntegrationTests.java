package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The phone code (sent through the real HTTP SMS gateway to a local receiver) and the hand-off to compliance: the
 * code's tries, expiry and resend limits, and — once email and phone are both verified — the client and their
 * consents in the client directory and a {@code kyc_verification} operation in manual review, whose outcome the
 * portal shows and {@link PortalClients} answers.
 */
class PortalVerificationIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    PortalClients portalClients;

    @BeforeEach
    void reset() {
        gateway.received.clear();
        gateway.status = 202;
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A registered client, signed in, whose email is verified through the emailed link. */
    private PortalVisitor registeredWithEmailVerified(Registrations form) throws Exception {
        var browser = new PortalVisitor(port, "192.0.2." + (1 + ADDRESSES.incrementAndGet() % 250));
        VerifiedClients.registerWithEmailVerified(browser, smtp, form);
        return browser;
    }

    private String textedCode(String phone) {
        return PortalMessages.textedCode(gateway, phone);
    }

    private String sendCode(PortalVisitor browser) {
        browser.get("/portal/verify-phone");
        var answer = browser.post("/portal/verify-phone/send");
        assertThat(answer.status()).isEqualTo(302);
        return answer.location();
    }

    private UUID kycOperation(String email) {
        return jdbc.sql("select kyc_operation_id from portal.client where email = ?")
                .param(email)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    @Test
    void verifiesThePhoneByTheTextedCodeAndHandsTheClientToCompliance() throws Exception {
        var form = Registrations.person();
        var browser = registeredWithEmailVerified(form);
        assertThat(kycOperation(form.email())).as("email alone opens nothing").isNull();

        assertThat(sendCode(browser)).isEqualTo("/portal/verify-phone?notice=codeSent");
        String code = textedCode("+48600100200");
        assertThat(gateway.received.get(0).authorization()).isEqualTo("Bearer test-sms-key");
        browser.get("/portal/verify-phone");
        var verified = browser.post("/portal/verify-phone", "code", code);

        assertThat(verified.status()).isEqualTo(302);
        assertThat(verified.location()).isEqualTo("/portal/home?notice=phoneVerified");
        UUID operation = kycOperation(form.email());
        assertThat(operation).isNotNull();
        String subject = jdbc.sql("select subject from portal.client where email = ?")
                .param(form.email())
                .query(String.class)
                .single();
        var kyc = api().get("/api/v1/operations/" + operation).json();
        assertThat(kyc.get("type").asString()).isEqualTo("kyc_verification");
        assertThat(kyc.get("stage").asString()).isEqualTo("manual_review");
        assertThat(kyc.get("subject").asString()).isEqualTo(subject);
        assertThat(kyc.get("attributes").get("pesel").asString()).isEqualTo("44051401359");
        assertThat(kyc.get("attributes").get("phone").asString()).isEqualTo("+48600100200");
        assertThat(kyc.toString()).doesNotContain(Registrations.PASSWORD).doesNotContain("argon2");
        var client = api().get("/api/v1/clients/" + subject).json();
        assertThat(client.get("phoneVerified").asBoolean()).isTrue();
        assertThat(client.get("locale").asString()).isEqualTo("en");
        assertThat(client.get("consents").get("email").get("granted").asBoolean())
                .isTrue();
        assertThat(client.get("consents").get("sms").get("granted").asBoolean()).isTrue();
        assertThat(client.get("consents").get("sms").get("source").asString()).isEqualTo("portal-registration");
        assertThat(browser.get("/portal/home").html().select("#kyc-state").text())
                .isEqualTo("In progress");
        assertThat(portalClients.bySubject(subject).orElseThrow().kyc()).isEqualTo(KycState.PENDING);
        var pln = new Money(new BigDecimal("10.00"), new CurrencyCode("PLN", 2));
        assertThat(portalClients.mayOrder(portalClients.bySubject(subject).orElseThrow(), pln))
                .isFalse();

        var approved = api().post("/api/v1/operations/" + operation + "/transitions", "{\"to\":\"verified\"}");
        assertThat(approved.status()).isEqualTo(200);

        assertThat(browser.get("/portal/home").html().select("#kyc-state").text())
                .isEqualTo("Verified");
        var portalClient = portalClients.bySubject(subject).orElseThrow();
        assertThat(portalClient.kyc()).isEqualTo(KycState.APPROVED);
        assertThat(portalClient.payoutAccounts()).singleElement().satisfies(account -> {
            assertThat(account.currency().code()).isEqualTo("PLN");
            assertThat(account.iban().value()).isEqualTo("PL61109010140000071219812874");
        });
        assertThat(portalClients.mayOrder(portalClient, pln)).isTrue();
    }

    @Test
    void refusesEvenTheRightCodeAfterFiveWrongOnes() throws Exception {
        var form = Registrations.person();
        var browser = registeredWithEmailVerified(form);
        sendCode(browser);
        String code = textedCode("+48600100200");
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 1; i <= 4; i++) {
            var answer = browser.post("/portal/verify-phone", "code", wrong);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.fieldError("code")).contains("not right");
        }
        var fifth = browser.post("/portal/verify-phone", "code", wrong);
        var right = browser.post("/portal/verify-phone", "code", code);

        assertThat(fifth.fieldError("code")).contains("Too many wrong codes");
        assertThat(right.status()).isEqualTo(422);
        assertThat(right.fieldError("code")).contains("Too many wrong codes");
        assertThat(phoneVerified(form.email())).isFalse();
        assertThat(kycOperation(form.email())).isNull();
    }

    @Test
    void refusesACodeAfterItExpires() throws Exception {
        var form = Registrations.person();
        var browser = registeredWithEmailVerified(form);
        sendCode(browser);
        String code = textedCode("+48600100200");

        clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        var answer = browser.post("/portal/verify-phone", "code", code);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.fieldError("code")).contains("expired");
        assertThat(phoneVerified(form.email())).isFalse();
    }

    @Test
    void throttlesNewCodesAndANewCodeReplacesTheOldOne() throws Exception {
        var form = Registrations.person();
        var browser = registeredWithEmailVerified(form);
        sendCode(browser);
        String first = textedCode("+48600100200");

        assertThat(sendCode(browser)).isEqualTo("/portal/verify-phone?notice=codeTooSoon");
        assertThat(gateway.received).hasSize(1);

        clock().advance(Duration.ofSeconds(61));
        assertThat(sendCode(browser)).isEqualTo("/portal/verify-phone?notice=codeSent");
        String second = textedCode("+48600100200");
        if (!second.equals(first)) {
            assertThat(browser.post("/portal/verify-phone", "code", first).status())
                    .as("the replaced code")
                    .isEqualTo(422);
        }
        assertThat(browser.post("/portal/verify-phone", "code", second).status())
                .isEqualTo(302);
        assertThat(phoneVerified(form.email())).isTrue();
    }

    @Test
    void aNewCompanyRegistersWithItsNumbersAndIsHandedOverToo() throws Exception {
        var form = Registrations.company();
        var browser = registeredWithEmailVerified(form);
        sendCode(browser);
        browser.post("/portal/verify-phone", "code", textedCode("+48600100200"));

        var kyc = api().get("/api/v1/operations/" + kycOperation(form.email())).json();
        assertThat(kyc.get("attributes").get("kind").asString()).isEqualTo("company");
        assertThat(kyc.get("attributes").get("nip").asString()).isEqualTo("7740001454");
        assertThat(kyc.get("attributes").get("regon").asString()).isEqualTo("610188201");
        assertThat(kyc.get("attributes").get("representative").asString()).isEqualTo("Jan Nowak");
    }

    private boolean phoneVerified(String email) {
        return jdbc.sql("select phone_verified_at is not null from portal.client where email = ?")
                .param(email)
                .query(Boolean.class)
                .single();
    }
}
