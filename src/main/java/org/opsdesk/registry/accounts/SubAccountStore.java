package org.opsdesk.registry.accounts;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sub-accounts in {@code registry.sub_account}; reads see live rows only. */
@Repository
public class SubAccountStore {

    private static final String COLUMNS = "id, account_id, kind, name, balance, currency, created_at, created_by";

    private final JdbcClient jdbc;

    SubAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SubAccount> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.sub_account where id = ? and deleted_at is null")
                .param(id)
                .query(SubAccountStore::subAccount)
                .optional();
    }

    public List<SubAccount> of(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from registry.sub_account where account_id = ? and deleted_at is"
                        + " null order by created_at, id limit 100")
                .param(accountId)
                .query(SubAccountStore::subAccount)
                .list();
    }

    /** A live sub-account, locked until the transaction ends (a sweep reads and debits its balance). */
    Optional<SubAccount> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.sub_account where id = ? and deleted_at is null for"
                        + " update")
                .param(id)
                .query(SubAccountStore::subAccount)
                .optional();
    }

    /** Takes {@code amount} off a locked sub-account's balance (the caller checked it is there). */
    void debit(UUID id, java.math.BigDecimal amount) {
        jdbc.sql("update registry.sub_account set balance = balance - ? where id = ?")
                .params(amount, id)
                .update();
    }

    int count(UUID accountId) {
        return jdbc.sql("select count(*) from registry.sub_account where account_id = ? and deleted_at is null")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    void insert(SubAccount sub) {
        jdbc.sql("insert into registry.sub_account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        sub.id(),
                        sub.accountId(),
                        sub.kind(),
                        sub.name(),
                        sub.balance().amount(),
                        sub.balance().currency().code(),
                        ts(sub.createdAt()),
                        sub.createdBy())
                .update();
    }

    static SubAccount subAccount(ResultSet rs, int row) throws SQLException {
        return new SubAccount(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("kind"),
                rs.getString("name"),
                new Money(rs.getBigDecimal("balance"), new CurrencyCode(rs.getString("currency"), 2)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
