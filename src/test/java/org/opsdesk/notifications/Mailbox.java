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
import java.util.function.Predicate;

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
    public static MimeMessage await(GreenMailExtension smtp, String address, Predicate<MimeMessage> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var found = to(smtp, address).stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address);
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
