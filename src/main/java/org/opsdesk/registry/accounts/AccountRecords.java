package org.opsdesk.registry.accounts;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in {@code registry.account}; reads see live rows only. */
@Repository
public class AccountRecords {

    private static final String COLUMNS = "id, number, holder_kind, holder_id, kind, plan_code, status,"
            + " cash_out_level, night_starts_at, subject, version, created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;

    AccountRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.account where id = ? and deleted_at is null")
                .param(id)
                .query(AccountRecords::account)
                .optional();
    }

    /** The live account, its row locked until the transaction ends. */
    public Optional<Account> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.account where id = ? and deleted_at is null for update")
                .param(id)
                .query(AccountRecords::account)
                .optional();
    }

    /** The account an action's effect applies to, locked; the action is refused if it was deleted meanwhile. */
    public Account lockForAction(UUID id) {
        return lock(id).orElseThrow(() -> new ActionRefused("the account was deleted meanwhile"));
    }

    /** As {@link #lockForAction}, and refused if the account has been cancelled meanwhile. */
    public Account lockUncancelled(UUID id) {
        var account = lockForAction(id);
        if (account.cancelled()) {
            throw new ActionRefused("the account is cancelled");
        }
        return account;
    }

    /** As {@link #lockForAction}, and refused unless the account is active. */
    public Account lockActive(UUID id) {
        var account = lockForAction(id);
        if (!account.status().equals(Account.ACTIVE)) {
            throw new ActionRefused("the account is " + account.status());
        }
        return account;
    }

    /** The live accounts a person or a company holds, newest first (for the holder's record page). */
    public List<Account> heldBy(UUID holderId) {
        return jdbc.sql("select " + COLUMNS + " from registry.account where holder_id = ? and deleted_at is null"
                        + " order by created_at desc, id desc limit 100")
                .param(holderId)
                .query(AccountRecords::account)
                .list();
    }

    void insert(Account account) {
        jdbc.sql("insert into registry.account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")
                .params(
                        account.id(),
                        account.number(),
                        account.holderKind(),
                        account.holderId(),
                        account.kind(),
                        account.planCode(),
                        account.status(),
                        account.cashOutLevel(),
                        account.nightStartsAt(),
                        account.subject(),
                        ts(account.createdAt()),
                        account.createdBy(),
                        ts(account.updatedAt()),
                        account.updatedBy())
                .update();
    }

    void setStatus(UUID id, String status, Stamp stamp) {
        set(id, "status", status, stamp);
    }

    /**
     * Moves a live account to {@code to} if its status is one of {@code from}, in one statement (the row stays
     * locked until the transaction ends); false when it is deleted or in another status.
     */
    boolean moveStatus(UUID id, java.util.Set<String> from, String to, Stamp stamp) {
        return jdbc.sql("update registry.account set status = ?, version = version + 1, updated_at = ?,"
                                + " updated_by = ? where id = ? and deleted_at is null and status = any(?)")
                        .params(to, ts(stamp.at()), stamp.by(), id, from.toArray(String[]::new))
                        .update()
                == 1;
    }

    void setCashOutLevel(UUID id, int level, Stamp stamp) {
        set(id, "cash_out_level", level, stamp);
    }

    void setNightStartsAt(UUID id, int hour, Stamp stamp) {
        set(id, "night_starts_at", (short) hour, stamp);
    }

    /** The account's alias at the provider, as it was synced at {@code stamp}. */
    void setProviderAlias(UUID id, String alias, Stamp stamp) {
        setWithTime(id, "provider_alias", alias, "alias_synced_at", stamp);
    }

    /** Links a no-name card's reference to the account (a record only until the cards module exists). */
    void linkNoNameCard(UUID id, String cardReference, Stamp stamp) {
        setWithTime(id, "no_name_card", cardReference, "card_linked_at", stamp);
    }

    /** Whether a live account other than {@code id} has this no-name card linked. */
    boolean cardLinkedElsewhere(UUID id, String cardReference) {
        return jdbc.sql("select exists (select 1 from registry.account where no_name_card = ? and id <> ? and"
                        + " deleted_at is null)")
                .params(cardReference, id)
                .query(Boolean.class)
                .single();
    }

    /** A column and the time it was set; both columns are always this class's constants. */
    private void setWithTime(UUID id, String column, Object value, String timeColumn, Stamp stamp) {
        jdbc.sql("update registry.account set " + column + " = ?, " + timeColumn + " = ?, version = version + 1,"
                        + " updated_at = ?, updated_by = ? where id = ?")
                .params(value, ts(stamp.at()), ts(stamp.at()), stamp.by(), id)
                .update();
    }

    /** One column of a locked account; the column is always one of this class's constants. */
    private void set(UUID id, String column, Object value, Stamp stamp) {
        jdbc.sql("update registry.account set " + column + " = ?, version = version + 1, updated_at = ?,"
                        + " updated_by = ? where id = ?")
                .params(value, ts(stamp.at()), stamp.by(), id)
                .update();
    }

    /** A page of live accounts newest first, under the filters given (null: not filtered). */
    List<Account> page(AccountFilter filter, Keyset.@Nullable TimeAndId after, int n) {
        var sql = new StringBuilder("select " + COLUMNS + " from registry.account where deleted_at is null");
        var params = new ArrayList<Object>();
        filter.where(sql, params);
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(ts(after.at()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(n);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(AccountRecords::account)
                .list();
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("holder_kind"),
                rs.getObject("holder_id", UUID.class),
                rs.getString("kind"),
                rs.getString("plan_code"),
                rs.getString("status"),
                rs.getInt("cash_out_level"),
                rs.getInt("night_starts_at"),
                rs.getString("subject"),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }
}
