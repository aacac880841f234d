package org.opsdesk.portal.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
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
 * Proves that a client holds the phone they registered: a six-digit code texted through the SMS gateway, of which
 * only a hash is kept, valid for {@code opsdesk.portal.phone-code-validity}, dead after {@code phone-code-max-tries}
 * wrong tries. A new code replaces the old one, at most every {@code phone-code-resend-after} and at most {@code
 * phone-code-max-sends-per-hour} times an hour, so neither the client's phone nor the office's SMS bill can be
 * flooded.
 */
@Service
public class PhoneVerification {

    /** How asking for a code ended. */
    public enum Sending {
        SENT,
        ALREADY_VERIFIED,
        TOO_SOON,
        TOO_MANY,
        FAILED
    }

    /** How checking a code ended. */
    public enum Check {
        VERIFIED,
        ALREADY_VERIFIED,
        NO_CODE,
        WRONG,
        EXPIRED,
        TOO_MANY_TRIES
    }

    private static final Duration SEND_WINDOW = Duration.ofHours(1);

    private final AccountStore accounts;
    private final AccountEvents events;
    private final JdbcClient jdbc;
    private final TransactionalMessages messages;
    private final MessageSource texts;
    private final KycHandOff kyc;
    private final PortalSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PhoneVerification(
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

    /** Makes a new code and texts it to the client's phone, unless the limits say not now. */
    public Sending send(UUID client) {
        String code = Secrets.code();
        Sending stored = transactions.execute(status -> store(client, code));
        if (stored != Sending.SENT) {
            return stored;
        }
        Account account = accounts.find(client).orElseThrow();
        Locale locale = Locale.forLanguageTag(account.locale());
        String text = texts.getMessage(
                "portal.sms.code",
                new Object[] {
                    settings.name(), code, settings.phoneCodeValidity().toMinutes()
                },
                locale);
        return messages.sms(account.phone(), text).sent() ? Sending.SENT : Sending.FAILED;
    }

    private Sending store(UUID client, String code) {
        Account account = accounts.lock(client).orElseThrow();
        if (account.phoneVerifiedAt() != null) {
            return Sending.ALREADY_VERIFIED;
        }
        Instant now = clock.instant();
        var current = jdbc.sql("select sent_at, sends, window_start from portal.phone_code where client_id = ?")
                .param(client)
                .query((rs, n) -> new Sent(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
        int sends = 1;
        Instant windowStart = now;
        if (current.isPresent()) {
            Sent sent = current.get();
            if (sent.at().plus(settings.phoneCodeResendAfter()).isAfter(now)) {
                return Sending.TOO_SOON;
            }
            if (sent.windowStart().plus(SEND_WINDOW).isAfter(now)) {
                if (sent.sends() >= settings.phoneCodeMaxSendsPerHour()) {
                    return Sending.TOO_MANY;
                }
                sends = sent.sends() + 1;
                windowStart = sent.windowStart();
            }
        }
        jdbc.sql("insert into portal.phone_code (client_id, code_hash, expires_at, failures, sent_at, sends,"
                        + " window_start) values (:client, :hash, :expires, 0, :now, :sends, :window)"
                        + " on conflict (client_id) do update set code_hash = :hash, expires_at = :expires,"
                        + " failures = 0, sent_at = :now, sends = :sends, window_start = :window")
                .param("client", client)
                .param("hash", hash(client, code))
                .param("expires", Timestamp.from(now.plus(settings.phoneCodeValidity())))
                .param("now", Timestamp.from(now))
                .param("sends", sends)
                .param("window", Timestamp.from(windowStart))
                .update();
        return Sending.SENT;
    }

    /** Checks a typed code; the right one verifies the phone and, if the email is too, hands the client over. */
    @Transactional
    public Check verify(UUID client, String typed) {
        Account account = accounts.lock(client).orElseThrow();
        if (account.phoneVerifiedAt() != null) {
            return Check.ALREADY_VERIFIED;
        }
        var code = jdbc.sql("select code_hash, expires_at, failures from portal.phone_code where client_id = ?")
                .param(client)
                .query((rs, n) -> new OneTimeSecret(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3), false))
                .optional();
        if (code.isEmpty()) {
            return Check.NO_CODE;
        }
        Instant now = clock.instant();
        String digits = typed.replace(" ", "");
        String typedHash = digits.matches("\\d{6}") ? hash(client, digits) : "";
        switch (code.get().judge(typedHash, now, settings.phoneCodeMaxTries())) {
            case TRIED_OUT -> {
                return Check.TOO_MANY_TRIES;
            }
            case EXPIRED -> {
                return Check.EXPIRED;
            }
            case WRONG -> {
                int failures = code.get().failures() + 1;
                jdbc.sql("update portal.phone_code set failures = ? where client_id = ?")
                        .params(failures, client)
                        .update();
                return failures >= settings.phoneCodeMaxTries() ? Check.TOO_MANY_TRIES : Check.WRONG;
            }
            default -> {} // GOOD; never SPENT: a code is deleted when it is used
        }
        jdbc.sql("delete from portal.phone_code where client_id = ?")
                .param(client)
                .update();
        accounts.markPhoneVerified(client, now);
        events.record(client, AccountEvents.Kind.PHONE_VERIFIED);
        kyc.openIfReady(client);
        return Check.VERIFIED;
    }

    /** Whether a code was sent and is still worth typing (not expired, tries left). */
    public boolean codeOutstanding(UUID client) {
        return jdbc.sql("select exists (select 1 from portal.phone_code where client_id = ? and expires_at > ?"
                        + " and failures < ?)")
                .params(client, Timestamp.from(clock.instant()), settings.phoneCodeMaxTries())
                .query(Boolean.class)
                .single();
    }

    private static String hash(UUID client, String code) {
        return Secrets.sha256(client + ":" + code);
    }

    private record Sent(Instant at, int sends, Instant windowStart) {}
}
