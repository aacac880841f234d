package org.opsdesk.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's bank accounts for the bank side (statement import, balances, payouts): finding the account a
 * statement names, and keeping its balance as the latest statement says. Changing accounts stays with the desk's
 * API and pages.
 */
@Service
public class OfficeAccounts {

    private static final String COLUMNS =
            "id, bank_name, bic, iban, account_number, currency, purpose, active, balance, balance_as_of";

    private final JdbcClient jdbc;

    OfficeAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account with this id, enabled or not. */
    @Transactional(readOnly = true)
    public Optional<OfficeAccount> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange.bank_account where id = ?")
                .param(id)
                .query(OfficeAccounts::row)
                .optional();
    }

    /** Every account, enabled or not, by currency and bank. */
    @Transactional(readOnly = true)
    public List<OfficeAccount> all() {
        return jdbc.sql("select " + COLUMNS + " from exchange.bank_account order by currency, bank_name, id")
                .query(OfficeAccounts::row)
                .list();
    }

    /**
     * The account a statement names by {@code identifier} (normalised: upper case, no spaces): its IBAN or domestic
     * number exactly; else the IBAN without its country code (a Polish NRB is the IBAN's 26 digits) or without
     * country and check digits (the BBAN a domestic export shows); else a German {@code BLZ/Konto} pair, as the
     * IBAN's BBAN (sort code and the account padded to ten digits) or as a domestic number written without the
     * slash.
     */
    @Transactional(readOnly = true)
    public Optional<OfficeAccount> byIdentifier(String identifier) {
        String bare = identifier.startsWith("/") ? identifier.substring(1) : identifier;
        String joined = bare.replace("/", "");
        String germanBban = bare.matches("\\d{8}/\\d{1,10}")
                ? bare.substring(0, 8) + "0".repeat(19 - bare.length()) + bare.substring(9)
                : bare;
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from exchange.bank_account
                        where number in (:id, :joined)
                           or (iban is not null
                               and (substr(iban, 3) = :id or substr(iban, 5) in (:id, :german)))
                        order by (number = :id) desc, active desc
                        limit 1""")
                .param("id", bare)
                .param("joined", joined)
                .param("german", germanBban)
                .query(OfficeAccounts::row)
                .optional();
    }

    /**
     * Records the balance of the newest statement read for the account: kept only when it is at least as recent as
     * the one held (an older statement imported late does not turn the balance back).
     *
     * @return whether the balance was taken
     */
    @Transactional
    public boolean recordBalance(UUID accountId, BigDecimal balance, Instant asOf) {
        return jdbc.sql(
                                """
                        update exchange.bank_account set balance = :balance, balance_as_of = :asOf
                         where id = :id and (balance_as_of is null or balance_as_of <= :asOf)""")
                        .param("balance", balance)
                        .param("asOf", java.sql.Timestamp.from(asOf))
                        .param("id", accountId)
                        .update()
                == 1;
    }

    private static OfficeAccount row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var asOf = rs.getTimestamp("balance_as_of");
        return new OfficeAccount(
                rs.getObject("id", UUID.class),
                rs.getString("bank_name"),
                rs.getString("bic"),
                rs.getString("iban"),
                rs.getString("account_number"),
                rs.getString("currency"),
                rs.getString("purpose"),
                rs.getBoolean("active"),
                rs.getBigDecimal("balance"),
                asOf == null ? null : asOf.toInstant());
    }
}
