package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.notifications.Mailbox;

/**
 * A sign-in lock is told to people: {@code access} publishes {@link SignInLocked} with the lock, and {@code
 * notifications} emails the security alert mailbox (here the tests' alert mailbox, its default) over a real SMTP
 * server (GreenMail). Failed before the fix: a lock was only logged and counted, nobody was emailed.
 */
class SignInLockAlertIntegrationTests extends SignInTestSupport {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    @Test
    void tenWrongPasswordsEmailOneAlertNamingTheAccountAndTheAddress() throws Exception {
        String username = operator("support");

        var attacker = tenWrongPasswords(username);

        var mail = Mailbox.await(smtp, ALERT_MAILBOX, m -> Mailbox.subject(m).contains(username));
        assertThat(mail.getSubject())
                .isEqualTo("[Opsdesk] Sign-in locked: account " + username + " from " + attacker.ip());
        assertThat(mail.getContent())
                .asString()
                .contains("Account: " + username)
                .contains("Address: " + attacker.ip())
                .contains("Locked: this account, from this address only")
                .doesNotContain("wrong ");
        // the tenth failure set two locks, the address's and the account's soft one: one alert for both
        assertThat(events(username))
                .contains("account_address_locked " + attacker.ip(), "account_locked " + attacker.ip());
        var alert = jdbc.sql("select id::text from notifications.delivery where event_type = 'access.sign_in_locked'"
                        + " and subject like ?")
                .param("%" + username + "%")
                .query(String.class)
                .single();
        new Deliveries(api()).awaitState(alert, "sent");
        assertThat(Mailbox.to(smtp, ALERT_MAILBOX).stream()
                        .filter(m -> Mailbox.subject(m).contains(username)))
                .hasSize(1);
    }

    @Test
    void aLaterLockOfTheSameAccountAndAddressIsAlertedAgain() throws Exception {
        String username = operator("support");
        var attacker = tenWrongPasswords(username);
        Mailbox.await(smtp, ALERT_MAILBOX, m -> Mailbox.subject(m).contains(username));

        clock().advance(java.time.Duration.ofHours(1)); // past the 30-minute lock
        for (int i = 0; i < 10; i++) {
            attacker.post("/login", "username", username, "password", "again " + i);
        }

        assertThat(jdbc.sql("select count(*) from notifications.delivery where event_type = 'access.sign_in_locked'"
                                + " and subject like ?")
                        .param("%" + username + "%")
                        .query(Integer.class)
                        .single())
                .as("one alert per lock")
                .isEqualTo(2);
    }
}
