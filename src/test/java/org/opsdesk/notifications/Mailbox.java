package org.opsdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Reading what arrived at the tests' SMTP server (GreenMail): mail to one address, and an email's two bodies. */
public final class Mailbox {

    private Mailbox() {}

    /** Every message received so far with this address among its recipients. */
    public static List<MimeMessage> to(GreenMailExtension smtp, String address) throws Exception {
        var matching = new ArrayList<MimeMessage>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Address[] recipients = message.getAllRecipients();
            if (recipients != null
                    && Arrays.stream(recipients).anyMatch(a -> a.toString().equals(address))) {
                matching.add(message);
            }
        }
        return matching;
    }

    /** The first message to the address that meets the condition, waiting up to 20 s for it. */
    public static MimeMessage await(GreenMailExtension smtp, String address, Predicate<MimeMessage> condition) {
        var found = new AtomicReference<MimeMessage>();
        Awaitility.await("mail to " + address).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var received = to(smtp, address);
            found.set(received.stream().filter(condition).findFirst().orElse(null));
            assertThat(found.get())
                    .as("none as expected among %d received", received.size())
                    .isNotNull();
        });
        return found.get();
    }

    /** The message's subject, for conditions and assertions. */
    public static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text and the HTML body of a {@code multipart/alternative} email, in that order. */
    public static String[] alternatives(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        var mixed = (Multipart) message.getContent();
        var related = (Multipart) mixed.getBodyPart(0).getContent();
        var alternative = related.getBodyPart(0).getContent() instanceof Multipart m ? m : related;
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        return new String[] {
            (String) alternative.getBodyPart(0).getContent(),
            (String) alternative.getBodyPart(1).getContent()
        };
    }
}
