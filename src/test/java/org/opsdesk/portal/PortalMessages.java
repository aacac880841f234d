package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.channels.GatewayServer;
import tools.jackson.databind.json.JsonMapper;

/** What the portal sent a client: the verification link in their email, the code in their latest SMS. */
final class PortalMessages {

    private static final Pattern LINK = Pattern.compile("http://\\S+/portal/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private PortalMessages() {}

    /** The verification link emailed to the address (waiting for the email). */
    static String emailedLink(GreenMailExtension smtp, String address) throws Exception {
        var mail = Mailbox.await(smtp, address, m -> true);
        var link = LINK.matcher((String) mail.getContent());
        assertThat(link.find()).as("a verification link in the email").isTrue();
        return link.group();
    }

    /** The token of the verification link emailed to the address. */
    static String emailedToken(GreenMailExtension smtp, String address) throws Exception {
        String link = emailedLink(smtp, address);
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** The code in the latest SMS the gateway received (waiting for one), which must be for this phone. */
    static String textedCode(GatewayServer gateway, String phone) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !gateway.received.isEmpty());
        var sms = JsonMapper.builder()
                .build()
                .readTree(gateway.received.get(gateway.received.size() - 1).body());
        assertThat(sms.get("to").asString()).isEqualTo(phone);
        var code = CODE.matcher(sms.get("text").asString());
        assertThat(code.find()).as("a six-digit code in %s", sms.get("text")).isTrue();
        return code.group(1);
    }
}
