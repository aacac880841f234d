package org.opsdesk.exchange.accounts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Iban;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code exchange.bank_account}: rows in, rows out; the rules live in {@link BankAccounts}. */
@Repository
class BankAccountStore {

    private static final String COLUMNS =
            """
            id, bank_name, bic, iban, account_number, currency, purpose, default_incoming, default_payout, active,
            balance, balance_as_of, created_at, created_by, updated_at, updated_by""";

    /** A position in the list, ordered by currency, then bank name, then id. */
    record Position(String currency, String bankName, UUID id) {}

    private final JdbcClient jdbc;

    BankAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an account; answers false, adding nothing, when one with this number exists already. */
    boolean insert(
            ValidAccount account, UUID id, boolean defaultIncoming, boolean defaultPayout, String by, Instant at) {
        return jdbc.sql(
                                """
                        insert into exchange.bank_account (id, bank_name, bic, iban, account_number, currency, purpose,
                            default_incoming, default_payout, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (number) do nothing""")
                        .params(
                                id,
                                account.bankName(),
                                account.bic(),
                                account.iban() == null ? null : account.iban().value(),
                                account.accountNumber() == null
                                        ? null
                                        : account.accountNumber().value(),
                                account.currency(),
                                account.purpose().code(),
                                defaultIncoming,
                                defaultPayout,
                                utc(at),
                                by,
                                utc(at),
                                by)
                        .update()
                == 1;
    }

    Optional<UUID> idOfNumber(String number) {
        return jdbc.sql("select id from exchange.bank_account where number = ?")
                .param(number)
                .query(UUID.class)
                .optional();
    }

    Optional<BankAccount> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange.bank_account where id = ?")
                .param(id)
                .query(BankAccountStore::row)
                .optional();
    }

    Optional<BankAccount> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange.bank_account where id = ? for update")
                .param(id)
                .query(BankAccountStore::row)
                .optional();
    }

    /** The accounts after {@code after} (from the start when null), at most {@code limit}, in one currency or all. */
    List<BankAccount> list(@Nullable String currency, @Nullable Position after, int limit) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from exchange.bank_account
                        where (cast(:currency as text) is null or currency = :currency)
                          and (cast(:afterId as uuid) is null
                               or (currency, bank_name, id) > (:afterCurrency, :afterBank, :afterId))
                        order by currency, bank_name, id
                        limit :limit""")
                .param("currency", currency)
                .param("afterCurrency", after == null ? null : after.currency())
                .param("afterBank", after == null ? null : after.bankName())
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(BankAccountStore::row)
                .list();
    }

    /** The enabled accounts in a currency, oldest first (pairing picks among them). */
    List<BankAccount> active(String currency) {
        return jdbc.sql("select " + COLUMNS
                        + " from exchange.bank_account where currency = ? and active order by created_at, id")
                .param(currency)
                .query(BankAccountStore::row)
                .list();
    }

    /** The sum of the balances of the enabled accounts in a currency; zero while none has a balance yet. */
    BigDecimal reserve(String currency) {
        return jdbc.sql(
                        """
                        select coalesce(sum(balance), 0) from exchange.bank_account
                        where currency = ? and active""")
                .param(currency)
                .query(BigDecimal.class)
                .single();
    }

    /** The account that is the default for a direction in a currency, other than {@code except}, locked. */
    Optional<BankAccount> lockDefault(String currency, boolean incoming, UUID except) {
        return jdbc.sql("select " + COLUMNS + " from exchange.bank_account where currency = ? and "
                        + (incoming ? "default_incoming" : "default_payout") + " and id <> ? for update")
                .params(currency, except)
                .query(BankAccountStore::row)
                .optional();
    }

    boolean hasDefault(String currency, boolean incoming) {
        return jdbc.sql("select exists (select 1 from exchange.bank_account where currency = ? and "
                        + (incoming ? "default_incoming" : "default_payout") + ")")
                .param(currency)
                .query(Boolean.class)
                .single();
    }

    void update(BankAccount changed, Instant at, String by) {
        jdbc.sql(
                        """
                        update exchange.bank_account
                           set bank_name = ?, purpose = ?, default_incoming = ?, default_payout = ?, active = ?,
                               updated_at = ?, updated_by = ?
                         where id = ?""")
                .params(
                        changed.bankName(),
                        changed.purpose().code(),
                        changed.defaultIncoming(),
                        changed.defaultPayout(),
                        changed.active(),
                        utc(at),
                        by,
                        changed.id())
                .update();
    }

    private static BankAccount row(ResultSet rs, int n) throws SQLException {
        String iban = rs.getString("iban");
        String accountNumber = rs.getString("account_number");
        String bic = rs.getString("bic");
        Iban parsed = iban == null ? null : new Iban(iban);
        OffsetDateTime balanceAsOf = rs.getObject("balance_as_of", OffsetDateTime.class);
        return new BankAccount(
                rs.getObject("id", UUID.class),
                rs.getString("bank_name"),
                bic,
                iban,
                accountNumber,
                parsed != null ? parsed.printed() : Grouping.byFour(accountNumber),
                BankIdentity.shownCode(parsed, bic),
                rs.getString("currency"),
                Purpose.of(rs.getString("purpose")),
                rs.getBoolean("default_incoming"),
                rs.getBoolean("default_payout"),
                rs.getBoolean("active"),
                rs.getBigDecimal("balance"),
                balanceAsOf == null ? null : balanceAsOf.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
