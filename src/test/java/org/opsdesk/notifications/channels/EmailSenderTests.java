package org.opsdesk.notifications.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Failures say whether a retry could help; nothing is retried here. */
class EmailSenderTests {

    private static final EmailMessage MESSAGE = new EmailMessage("ana@example.com", "Hello", "text", "<p>html</p>");

    @Test
    void anUnreachableServerIsATransientFailure() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(closedPort);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");

        var result = new EmailSender(mail, "opsdesk@example.com").send(MESSAGE);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED_TRANSIENT);
        assertThat(result.detail()).startsWith("SMTP server unreachable");
    }

    @Test
    void anInvalidAddressIsAPermanentFailureWithoutContactingAnyone() {
        var result = new EmailSender(new JavaMailSenderImpl(), "opsdesk@example.com")
                .send(new EmailMessage("not an address", "Hello", "text", null));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED_PERMANENT);
        assertThat(result.detail()).startsWith("invalid address 'not an address'");
    }

    @Test
    void withoutAnSmtpServerEveryEmailFailsPermanentlySayingWhy() {
        assertThat(new EmailSender(null, "opsdesk@example.com").send(MESSAGE))
                .isEqualTo(SendResult.permanentFailure("no SMTP server is configured (spring.mail.host)"));
    }
}
