package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sign-in lock's alert survives what happens after the lock commits (ADR 0021): the lock's transaction writes the
 * publication of {@link SignInLocked} to the {@code notifications} listener into {@code platform.event_publication};
 * the row goes when the listener has stored the email delivery, and stays while the listener fails, until the
 * resubmission job (every node, publications older than a minute) hands it over again. Failed before the registry:
 * no row was written, and a listener that failed once lost the alert for good.
 */
class SignInLockAlertPublicationIntegrationTests extends SignInTestSupport {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    @Autowired
    DataSource dataSource;

    @Test
    void theLockWritesThePublicationWhichGoesOnceTheAlertIsStored() throws Exception {
        String username = operator("support");
        try (Connection blocker = dataSource.getConnection()) {
            // holds every insert into the deliveries back, the listener's included, while the lock commits
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table notifications.delivery in share mode");

            var attacker = tenWrongPasswords(username);

            assertThat(events(username)).contains("account_locked " + attacker.ip());
            assertThat(publications(username))
                    .as("written with the lock, incomplete while the listener cannot store the alert")
                    .hasSize(
                            1) // the address lock's; the account's soft lock, set by the same failure, shares its alert
                    .allSatisfy(status -> assertThat(status).isIn("PUBLISHED", "PROCESSING"));
            assertThat(alerts(username)).isZero();
            blocker.rollback();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(publications(username))
                .as("deleted on completion")
                .isEmpty());
        assertThat(alerts(username)).isEqualTo(1);
    }

    @Test
    void aListenerThatFailedIsResubmittedAndAlertsExactlyOnce() throws Exception {
        String username = lockedWhileAlertsAreRefused();
        assertThat(alerts(username)).isZero();
        // the job turns every 0.5 s, but the failed publications are not a minute old yet
        await().during(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(publications(username)).containsExactly("FAILED"));

        clock().advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(publications(username)).isEmpty());
        assertThat(alerts(username)).as("exactly one alert").isEqualTo(1);
        Mailbox.await(smtp, ALERT_MAILBOX, m -> Mailbox.subject(m).contains(username));
        assertThat(Mailbox.to(smtp, ALERT_MAILBOX).stream()
                        .filter(m -> Mailbox.subject(m).contains(username)))
                .hasSize(1);
    }

    @Test
    void aResubmissionThatANodeLeftUnfinishedIsTakenUpOnceStale() throws Exception {
        String username = lockedWhileAlertsAreRefused();
        // a node claimed it for resubmission and died before its listener ran
        jdbc.sql("update platform.event_publication set status = 'RESUBMITTED', last_resubmission_date = now()"
                        + " where strpos(serialized_event, ?) > 0")
                .param("\"" + username + "\"")
                .update();

        clock().advance(Duration.ofMinutes(2));
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        publications(username))
                .as("claimed by someone else: not resubmitted by the job")
                .containsExactly("RESUBMITTED"));

        clock().advance(Duration.ofMinutes(15)); // opsdesk.events.stale-after

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(publications(username)).isEmpty());
        assertThat(alerts(username)).isEqualTo(1);
    }

    /** An account locked while its alert cannot be stored: the lock's publication is left failed. */
    private String lockedWhileAlertsAreRefused() {
        String username = operator("support");
        refuseAlertsFor(username);
        try {
            tenWrongPasswords(username);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(publications(username)).containsExactly("FAILED"));
        } finally {
            allowAlerts();
        }
        return username;
    }

    /** The database refuses to store this account's lock alert: the listener fails as on an unavailable store. */
    private void refuseAlertsFor(String username) {
        jdbc.sql(
                        """
                        create or replace function public.refuse_sign_in_alert() returns trigger language plpgsql as $$
                        begin
                            if new.event_type = 'access.sign_in_locked' and strpos(new.subject, %s) > 0 then
                                raise exception 'refused for the test';
                            end if;
                            return new;
                        end $$"""
                                .formatted(literal(username)))
                .update();
        jdbc.sql("create trigger refuse_sign_in_alert before insert on notifications.delivery"
                        + " for each row execute function public.refuse_sign_in_alert()")
                .update();
    }

    private void allowAlerts() {
        jdbc.sql("drop trigger refuse_sign_in_alert on notifications.delivery").update();
        jdbc.sql("drop function public.refuse_sign_in_alert()").update();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private List<String> publications(String username) {
        return jdbc.sql("select coalesce(status, 'none') from platform.event_publication"
                        + " where event_type = ? and strpos(serialized_event, ?) > 0")
                .param(SignInLocked.class.getName())
                .param("\"" + username + "\"")
                .query(String.class)
                .list();
    }

    private int alerts(String username) {
        return jdbc.sql("select count(*) from notifications.delivery where event_type = 'access.sign_in_locked'"
                        + " and strpos(subject, ?) > 0")
                .param(username)
                .query(Integer.class)
                .single();
    }
}
