package org.opsdesk.bench.exchange;

import static org.opsdesk.bench.Bench.JSON;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.opsdesk.notifications.channels.GatewayServer;

/**
 * Where the app's messages to portal clients arrive, as in the portal's integration tests: a GreenMail SMTP server
 * and a JDK HttpServer standing in for the SMS gateway ({@link GatewayServer}), both on 127.0.0.1. Seeding reads
 * the verification link and code there; the order notifications of the measured runs land there too and are
 * dropped between runs so that neither grows without bound.
 */
final class Inboxes implements AutoCloseable {

    private static final Pattern LINK_TOKEN = Pattern.compile("/portal/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final GreenMail smtp;
    private final int smtpPort;
    private final GatewayServer sms;
    private final int smsPort;

    Inboxes() {
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smsPort = freePort();
        sms = new GatewayServer(smsPort);
    }

    /** The app's settings that send its email and SMS here (plain SMTP, no STARTTLS). */
    Map<String, String> appEnvironment() {
        return Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", Integer.toString(smtpPort),
                "OPSDESK_SMTP_STARTTLS", "false",
                "OPSDESK_SMS_URL", "http://127.0.0.1:" + smsPort + "/sms",
                "OPSDESK_SMS_AUTH_VALUE", "Bearer bench-sms-gateway");
    }

    /** The token of the verification link emailed to {@code address}, waiting up to 20 s for the email. */
    String emailedToken(String address) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (addressedTo(message, address)) {
                    String token = PortalSession.find(LINK_TOKEN, text(message));
                    if (token != null) {
                        return token;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no verification link emailed to " + address + " within 20 s");
    }

    /** The code in the latest SMS to {@code phone} (E.164), waiting up to 20 s for one. */
    String textedCode(String phone) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var received = sms.received;
            for (int i = received.size() - 1; i >= 0; i--) {
                var message = JSON.readTree(received.get(i).body());
                if (phone.equals(message.get("to").asString())) {
                    String code = PortalSession.find(CODE, message.get("text").asString());
                    if (code != null) {
                        return code;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no code texted to " + phone + " within 20 s");
    }

    /** Emails and SMS received so far (since the last {@link #clear}). */
    int[] counts() {
        return new int[] {smtp.getReceivedMessages().length, sms.received.size()};
    }

    void clear() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        sms.received.clear();
    }

    private static boolean addressedTo(MimeMessage message, String address) throws Exception {
        Address[] recipients = message.getAllRecipients();
        return recipients != null
                && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sms.close();
        smtp.stop();
    }
}
