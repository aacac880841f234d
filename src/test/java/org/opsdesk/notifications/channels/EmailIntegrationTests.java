package org.opsdesk.notifications.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Changes;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.rules.DeliveryMode;
import org.opsdesk.notifications.rules.NotificationMessages;
import org.opsdesk.notifications.rules.NotificationRules;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.workflow.Status;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Emails through the application's own mail sender to a real SMTP server (GreenMail), in the recipient's language,
 * only with consent; team mailboxes from properties; manual rules previewed in the recipient's language.
 */
class EmailIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    @Autowired
    NotificationRules rules;

    @Autowired
    NotificationMessages messages;

    @Autowired
    ClientMessaging clientMessaging;

    @Autowired
    EmailSender emailSender;

    @Test
    void emailsTheClientInTheirLanguageAsTextAndEscapedHtml() throws Exception {
        String subject = client("pt-BR", "ana@example.com", true);
        var event = Changes.of("exchange_order")
                .subject(subject)
                .reference("<script>alert(1)</script>")
                .to("cancelled", Status.REJECTED)
                .reason("Pagamento não recebido")
                .build();
        var plan = rules.plan(event).stream()
                .filter(p -> p.rule().id().equals("exchange-order-cancelled-client-email"))
                .findFirst()
                .orElseThrow();

        var result = clientMessaging.email(subject, messages.compose(plan.rule(), event));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        MimeMessage received = Mailbox.await(smtp, "ana@example.com", m -> true);
        assertThat(received.getFrom()[0].toString()).contains("opsdesk@example.com");
        assertThat(received.getSubject()).isEqualTo("Sua ordem de câmbio <script>alert(1)</script> foi cancelada");
        assertThat(received.getMessageID()).isEqualTo(result.detail());
        var bodies = alternatives(received);
        assertThat(bodies[0])
                .contains("Olá, Ana Souza")
                .contains("1.234,50 EUR")
                .contains("Motivo: Pagamento não recebido")
                .contains("<script>alert(1)</script>");
        assertThat(bodies[1])
                .contains("lang=\"pt-BR\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void skipsAClientWithoutConsentAndSendsNothing() throws Exception {
        String subject = client("nl", "jan@example.com", false);
        var event = Changes.of("deposit").subject(subject).build();
        var rule = rules.rule("deposit-credited-client-email").orElseThrow();

        var result = clientMessaging.email(subject, messages.compose(rule, event));

        assertThat(result).isEqualTo(SendResult.skipped("email: no consent"));
        assertThat(clientMessaging.email("nobody-" + UUID.randomUUID(), messages.compose(rule, event)))
                .isEqualTo(SendResult.skipped("email: unknown client"));
        // Only mail to these clients counts: the shared application may mail alerts from other tests meanwhile.
        assertThat(Mailbox.to(smtp, "jan@example.com")).isEmpty();
    }

    @Test
    void mailsTheDeskMailboxInTheStaffLanguageWhenAnOperationFails() throws Exception {
        var event = Changes.of("withdrawal")
                .to("failed", Status.ERROR)
                .reason("Bank rejected IBAN")
                .build();
        var desk = rules.plan(event).stream()
                .filter(p -> p.rule().id().equals("error-cashier-desk"))
                .findFirst()
                .orElseThrow();
        var message = messages.compose(desk.rule(), event);

        var result =
                emailSender.send(new EmailMessage(desk.recipient(), message.subject(), message.text(), message.html()));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        MimeMessage received = Mailbox.await(smtp, "cashier-desk@example.com", m -> true);
        assertThat(received.getSubject()).isEqualTo("[Opsdesk] withdrawal REF-1001 moved to failed (ERROR)");
        assertThat(alternatives(received)[0]).contains("Reason: Bank rejected IBAN");
    }

    @Test
    void previewsAManualRuleInTheRecipientsLanguage() throws Exception {
        String subject = client("pl", "ola@example.com", true);
        var event = Changes.of("deposit")
                .subject(subject)
                .reference("D-77")
                .to("declined", Status.REJECTED)
                .reason("Dane płatnika nie zgadzają się")
                .build();
        var plan = rules.plan(event).get(0);
        assertThat(plan.mode()).isEqualTo(DeliveryMode.MANUAL);

        var preview = messages.compose(plan.rule(), event);
        var inEnglish = messages.preview(plan.rule(), event, "en");

        assertThat(preview.locale()).isEqualTo("pl");
        assertThat(preview.subject()).isEqualTo("Wpłata D-77 została odrzucona");
        assertThat(preview.text()).contains("Dzień dobry, Ana Souza").contains("Powód: Dane płatnika nie zgadzają się");
        assertThat(preview.html()).contains("Nie mogliśmy przyjąć wpłaty");
        assertThat(inEnglish.subject()).isEqualTo("Your deposit D-77 was declined");
        assertThat(Mailbox.to(smtp, "ola@example.com"))
                .as("a preview sends nothing")
                .isEmpty();
    }

    /** Creates a client through the API, as an integrator does. */
    private String client(String locale, String email, boolean emailConsent) {
        String subject = "client-" + UUID.randomUUID();
        String consents = emailConsent ? ",\"consents\":{\"email\":{\"granted\":true,\"source\":\"signup-form\"}}" : "";
        var response = api().put(
                        "/api/v1/clients/" + subject,
                        "{\"name\":\"Ana Souza\",\"locale\":\"" + locale + "\",\"email\":\"" + email + "\"" + consents
                                + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return subject;
    }

    private static String[] alternatives(MimeMessage message) throws Exception {
        return Mailbox.alternatives(message);
    }
}
