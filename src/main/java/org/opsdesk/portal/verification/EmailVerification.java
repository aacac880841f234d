package org.opsdesk.portal.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.notifications.TransactionalMessages;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountEvents;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.portal.account.PortalSettings;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves that a client reads the email address they registered: a link with a random token (only its SHA-256 is
 * stored), valid for {@code opsdesk.portal.email-link-validity}, working once, for the address it was sent to. A
 * new link may be asked for once a minute; older links keep working until they expire or one is used.
 */
@Service
public class EmailVerification {

    /** How a confirmation ended. */
    public enum Confirmation {
        CONFIRMED,
        UNKNOWN,
        USED,
        EXPIRED
    }

    static final Duration RESEND_AFTER = Duration.ofMinutes(1);

    private final AccountStore accounts;
    private final AccountEvents events;
    private final JdbcClient jdbc;
    private final TransactionalMessages messages;
    private final MessageSource texts;
    private final KycHandOff kyc;
    private final PortalSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EmailVerification(
            AccountStore accounts,
            AccountEvents events,
            JdbcClient jdbc,
            TransactionalMessages messages,
            MessageSource texts,
            KycHandOff kyc,
            PortalSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.jdbc = jdbc;
        this.messages = messages;
        this.texts = texts;
        this.kyc = kyc;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Stores a new token and emails its link; false when the email could not be sent or a link was sent less than
     * a minute ago (the client may ask again later).
     *
     * @param siteUrl where the portal is reached (scheme, host and port), unless {@code opsdesk.portal.public-url}
     *     says otherwise
     */
    public boolean send(Account account, String siteUrl) {
        Instant now = clock.instant();
        if (lastSentAt(account.id())
                .filter(at -> at.plus(RESEND_AFTER).isAfter(now))
                .isPresent()) {
            return false;
        }
        String token = Secrets.token();
        transactions.executeWithoutResult(status -> jdbc.sql("insert into portal.email_token (token_hash, client_id,"
                        + " email, expires_at, created_at) values (?, ?, ?, ?, ?)")
                .params(
                        Secrets.sha256(token),
                        account.id(),
                        account.email(),
                        Timestamp.from(now.plus(settings.emailLinkValidity())),
                        Timestamp.from(now))
                .update());
        Locale locale = Locale.forLanguageTag(account.locale());
        String base = settings.publicUrl().isBlank() ? siteUrl : settings.publicUrl();
        String link = base.replaceAll("/+$", "") + "/portal/verify-email?token=" + token;
        String subject = texts.getMessage("portal.email.verify.subject", new Object[] {settings.name()}, locale);
        String text = texts.getMessage(
                "portal.email.verify.text",
                new Object[] {
                    account.displayName(), link, settings.emailLinkValidity().toHours(), settings.name()
                },
                locale);
        return messages.email(account.email(), subject, text).sent();
    }

    /** Uses a token: marks the address verified and, if the phone is too, hands the client to compliance. */
    @Transactional
    public Result confirm(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return new Result(Confirmation.UNKNOWN, null);
        }
        String hash = Secrets.sha256(token);
        var row = jdbc.sql("select client_id, email, token_hash, expires_at, used_at from portal.email_token"
                        + " where token_hash = ? for update")
                .param(hash)
                .query((rs, n) -> new TokenRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        new OneTimeSecret(
                                rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(),
                                0,
                                rs.getObject(5, OffsetDateTime.class) != null)))
                .optional();
        if (row.isEmpty()) {
            return new Result(Confirmation.UNKNOWN, null);
        }
        TokenRow found = row.get();
        Instant now = clock.instant();
        // found by its hash, a link is never wrong, and it has no tries to use up: a wrong one is just unknown
        var verdict = found.secret().judge(hash, now, Integer.MAX_VALUE);
        if (verdict != OneTimeSecret.Verdict.GOOD) {
            var ended = verdict == OneTimeSecret.Verdict.SPENT ? Confirmation.USED : Confirmation.EXPIRED;
            return new Result(ended, found.client());
        }
        var account = accounts.lock(found.client()).orElseThrow();
        if (!account.email().equals(found.email())) {
            return new Result(Confirmation.UNKNOWN, null);
        }
        jdbc.sql("update portal.email_token set used_at = ? where token_hash = ?")
                .params(Timestamp.from(now), hash)
                .update();
        if (account.emailVerifiedAt() == null) {
            accounts.markEmailVerified(account.id(), now);
            events.record(account.id(), AccountEvents.Kind.EMAIL_VERIFIED);
        }
        kyc.openIfReady(account.id());
        return new Result(Confirmation.CONFIRMED, account.id());
    }

    /** The outcome of a confirmation, and whose token it was (null when unknown). */
    public record Result(Confirmation confirmation, @org.jspecify.annotations.Nullable UUID client) {}

    private record TokenRow(UUID client, String email, OneTimeSecret secret) {}

    private Optional<Instant> lastSentAt(UUID client) {
        return jdbc.sql("select created_at from portal.email_token where client_id = ?"
                        + " order by created_at desc limit 1")
                .param(client)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional()
                .map(OffsetDateTime::toInstant);
    }
}
