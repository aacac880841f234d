package org.opsdesk.notifications.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.opsdesk.access.SignInLocked;
import org.opsdesk.notifications.delivery.DeliveryAlerts;
import org.opsdesk.notifications.templates.MessageModel;
import org.opsdesk.notifications.templates.MessageRenderer;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the security alert mailbox ({@code opsdesk.notifications.security-alerts}, by default the alert mailbox)
 * when {@code access} locks sign-in to an account: an email naming the account, the source address, what is locked
 * and until when, in {@code opsdesk.notifications.staff-locale}, from the message bundle. Stored and sent as a
 * delivery like the other alerts (retried, listed by the API). One per account, address and lock: the address lock
 * and the account's soft lock that the same tenth failure sets share one email, and a repeated event adds nothing.
 *
 * <p>The delivery is stored <em>inside</em> the transaction that records the lock (access publishes the event
 * there), so the alert commits with the lock or not at all: no node can die between the two, and the delivery
 * engine's retries take it from there. It runs under a savepoint: an alert that cannot be stored is logged and
 * rolled back alone, never undoing the lock.
 */
@Component
class SignInLockAlerts {

    static final String EVENT_TYPE = "access.sign_in_locked";

    private static final Logger log = LoggerFactory.getLogger(SignInLockAlerts.class);

    private final DeliveryAlerts alerts;
    private final TransactionTemplate savepoint;
    private final MessageSource messages;
    private final String mailbox;
    private final String locale;

    SignInLockAlerts(
            DeliveryAlerts alerts,
            PlatformTransactionManager transactions,
            MessageSource messages,
            @Value("${opsdesk.notifications.security-alerts:${opsdesk.notifications.alert-mailbox:"
                            + "${opsdesk.notifications.team-mailboxes.supervisor:}}}")
                    String mailbox,
            @Value("${opsdesk.notifications.staff-locale:en}") String staffLocale) {
        this.alerts = alerts;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.messages = messages;
        this.mailbox = mailbox.strip();
        this.locale = MessageRenderer.offered(staffLocale);
        if (this.mailbox.isEmpty()) {
            log.warn("No security alert mailbox is configured (opsdesk.notifications.security-alerts, the alert"
                    + " mailbox or the supervisor team mailbox): sign-in locks will be recorded,"
                    + " but nobody is emailed");
        }
    }

    @EventListener
    void on(SignInLocked locked) {
        try {
            savepoint.executeWithoutResult(status -> store(locked));
        } catch (RuntimeException e) {
            log.error(
                    "The alert about the sign-in lock of {} from {} could not be stored",
                    locked.username(),
                    locked.address(),
                    e);
        }
    }

    private void store(SignInLocked locked) {
        UUID eventId = UUID.nameUUIDFromBytes(
                ("sign-in-locked/" + locked.username() + "/" + locked.address() + "/" + locked.until())
                        .getBytes(StandardCharsets.UTF_8));
        alerts.mailboxNotice(
                eventId,
                EVENT_TYPE,
                DeliveryAlerts.SECURITY,
                mailbox,
                "security-alerts",
                "no security alert mailbox is configured (opsdesk.notifications.security-alerts,"
                        + " opsdesk.notifications.alert-mailbox or opsdesk.notifications.team-mailboxes.supervisor)",
                () -> message(locked));
    }

    private RenderedMessage message(SignInLocked locked) {
        Locale language = Locale.forLanguageTag(locale);
        String lock = messages.getMessage(
                "notifications.security.locked.lock." + locked.lock().name().toLowerCase(Locale.ROOT), null, language);
        Object[] args = {
            locked.username(),
            locked.address(),
            lock,
            MessageModel.time(locked.until(), locale),
            MessageModel.time(locked.at(), locale)
        };
        return new RenderedMessage(
                locale,
                messages.getMessage("notifications.security.locked.subject", args, language),
                messages.getMessage("notifications.security.locked.text", args, language),
                null);
    }
}
