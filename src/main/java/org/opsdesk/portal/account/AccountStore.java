package org.opsdesk.portal.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.portal.PayoutAccount;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Iban;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal's clients and their payout accounts ({@code portal.client}, {@code portal.payout_account}). */
@Repository
public class AccountStore {

    private static final String COLUMNS = "id, subject, kind, display_name, email, email_verified_at, phone,"
            + " phone_verified_at, password_hash, locale, details::text as details, email_consent, sms_consent,"
            + " kyc_operation_id, failed_sign_ins, locked_until, totp_secret, totp_last_step, created_at";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new client; false when the email address is taken (whatever its case). */
    public boolean insert(Account account) {
        int inserted = jdbc.sql("insert into portal.client (id, subject, kind, display_name, email, phone,"
                        + " password_hash, locale, details, email_consent, sms_consent, created_at, updated_at)"
                        + " values (:id, :subject, :kind, :name, :email, :phone, :hash, :locale, :details::jsonb,"
                        + " :emailConsent, :smsConsent, :at, :at) on conflict (lower(email)) do nothing")
                .param("id", account.id())
                .param("subject", account.subject())
                .param("kind", account.kind())
                .param("name", account.displayName())
                .param("email", account.email())
                .param("phone", account.phone())
                .param("hash", account.passwordHash())
                .param("locale", account.locale())
                .param("details", account.detailsJson())
                .param("emailConsent", account.emailConsent())
                .param("smsConsent", account.smsConsent())
                .param("at", Timestamp.from(account.createdAt()))
                .update();
        return inserted == 1;
    }

    public void addPayoutAccount(UUID client, PayoutAccount account, Instant at) {
        jdbc.sql("insert into portal.payout_account (client_id, currency, iban, created_at) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(client, account.currency().code(), account.iban().value(), Timestamp.from(at))
                .update();
    }

    public List<PayoutAccount> payoutAccounts(UUID client, java.util.function.Function<String, CurrencyCode> currency) {
        return jdbc.sql("select currency, iban from portal.payout_account where client_id = ? order by currency, iban")
                .param(client)
                .query((rs, n) -> new PayoutAccount(currency.apply(rs.getString(1)), new Iban(rs.getString(2))))
                .list();
    }

    /**
     * The verified clients (email and phone proven) who registered one of these IBANs (electronic form) to be paid
     * into: subject and IBAN, one row per pair.
     */
    public List<String[]> holdersOf(java.util.Collection<String> ibans) {
        if (ibans.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select distinct c.subject, a.iban from portal.payout_account a
                          join portal.client c on c.id = a.client_id
                         where a.iban = any(?) and c.email_verified_at is not null and c.phone_verified_at is not null""")
                .param(ibans.toArray(String[]::new))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
    }

    /** The payout accounts as stored (currency, IBAN), for showing them. */
    public List<String[]> payoutIbans(UUID client) {
        return jdbc.sql("select currency, iban from portal.payout_account where client_id = ? order by currency, iban")
                .param(client)
                .query((rs, n) -> new String[] {rs.getString(1), new Iban(rs.getString(2)).printed()})
                .list();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from portal.client where lower(email) = lower(?))")
                .param(email)
                .query(Boolean.class)
                .single();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from portal.client where id = ?")
                .param(id)
                .query(AccountStore::account)
                .optional();
    }

    public Optional<Account> bySubject(String subject) {
        return jdbc.sql("select " + COLUMNS + " from portal.client where subject = ?")
                .param(subject)
                .query(AccountStore::account)
                .optional();
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from portal.client where lower(email) = lower(?)")
                .param(email)
                .query(AccountStore::account)
                .optional();
    }

    /** Locks the row for a change that reads before it writes (verification, sign-in counters). */
    public Optional<Account> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from portal.client where id = ? for update")
                .param(id)
                .query(AccountStore::account)
                .optional();
    }

    /** Newest first, after the given row (keyset). */
    public List<Account> page(@Nullable Instant beforeCreated, @Nullable UUID beforeId, int limit) {
        if (beforeCreated == null || beforeId == null) {
            return jdbc.sql("select " + COLUMNS + " from portal.client order by created_at desc, id desc limit ?")
                    .param(limit)
                    .query(AccountStore::account)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + " from portal.client where (created_at, id) < (?, ?)"
                        + " order by created_at desc, id desc limit ?")
                .params(Timestamp.from(beforeCreated), beforeId, limit)
                .query(AccountStore::account)
                .list();
    }

    public void markEmailVerified(UUID id, Instant at) {
        jdbc.sql("update portal.client set email_verified_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    public void markPhoneVerified(UUID id, Instant at) {
        jdbc.sql("update portal.client set phone_verified_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    public void setKycOperation(UUID id, UUID operation, Instant at) {
        jdbc.sql("update portal.client set kyc_operation_id = ?, updated_at = ? where id = ?")
                .params(operation, Timestamp.from(at), id)
                .update();
    }

    public void recordFailedSignIn(UUID id, int failures, @Nullable Instant lockedUntil, Instant at) {
        jdbc.sql("update portal.client set failed_sign_ins = ?, locked_until = ?, updated_at = ? where id = ?")
                .params(failures, lockedUntil == null ? null : Timestamp.from(lockedUntil), Timestamp.from(at), id)
                .update();
    }

    public void recordSuccessfulSignIn(UUID id, Instant at) {
        jdbc.sql("update portal.client set failed_sign_ins = 0, locked_until = null, updated_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    public void setTotp(UUID id, @Nullable String sealedSecret, @Nullable Long lastStep, Instant at) {
        jdbc.sql("update portal.client set totp_secret = ?, totp_last_step = ?, updated_at = ? where id = ?")
                .params(sealedSecret, lastStep, Timestamp.from(at), id)
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("subject"),
                rs.getString("kind"),
                rs.getString("display_name"),
                rs.getString("email"),
                instant(rs, "email_verified_at"),
                rs.getString("phone"),
                instant(rs, "phone_verified_at"),
                rs.getString("password_hash"),
                rs.getString("locale"),
                rs.getString("details"),
                rs.getBoolean("email_consent"),
                rs.getBoolean("sms_consent"),
                rs.getObject("kyc_operation_id", UUID.class),
                rs.getInt("failed_sign_ins"),
                instant(rs, "locked_until"),
                rs.getString("totp_secret"),
                rs.getObject("totp_last_step", Long.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
