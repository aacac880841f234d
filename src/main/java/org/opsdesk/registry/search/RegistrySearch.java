package org.opsdesk.registry.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opsdesk.registry.accounts.AccountNumbers;
import org.opsdesk.registry.records.Like;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One search box over the registry: what was typed decides where to look, so that every lookup is one index probe
 * (at a million accounts) — an email among persons', users' and Pix keys' emails, a {@code +} phone among phones,
 * a UUID among random Pix keys, 11 or 14 characters among document numbers and CPF/CNPJ keys, an account number,
 * and anything else as the start of a person's or company's name.
 */
@Component
class RegistrySearch {

    static final int MAX_HITS = 50;

    private final JdbcClient jdbc;

    RegistrySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A record found, and by which of its fields. */
    record Hit(String kind, UUID id, String label, String matchedOn) {}

    List<Hit> search(String q) {
        String typed = q.strip();
        var hits = new ArrayList<Hit>();
        if (typed.contains("@")) {
            String email = typed.toLowerCase(Locale.ROOT);
            hits.addAll(query(
                    "select 'person', id, name, 'email' from registry.person where lower(email) = ? and"
                            + " deleted_at is null",
                    email));
            hits.addAll(query(
                    "select 'user', id, name || ' <' || email || '>', 'email' from registry.account_user"
                            + " where lower(email) = ? and deleted_at is null",
                    email));
            hits.addAll(pixKey(email));
        } else if (typed.startsWith("+")) {
            String phone = typed.replaceAll("[\\s.()\\-]", "");
            hits.addAll(query(
                    "select 'person', id, name, 'phone' from registry.person where phone = ? and"
                            + " deleted_at is null",
                    phone));
            hits.addAll(query(
                    "select 'user', id, name || ' <' || email || '>', 'phone' from registry.account_user"
                            + " where phone = ? and deleted_at is null",
                    phone));
            hits.addAll(pixKey(phone));
        } else if (isUuid(typed)) {
            hits.addAll(pixKey(typed.toLowerCase(Locale.ROOT)));
        } else {
            String compact = typed.replaceAll("[.\\-/\\s]", "").toUpperCase(Locale.ROOT);
            if (compact.matches("\\d{8,9}")) {
                hits.addAll(query(
                        "select 'account', id, 'account ' || number, 'number' from registry.account"
                                + " where number = ? and deleted_at is null",
                        accountNumber(compact)));
            }
            if (compact.matches("[0-9A-Z]{3,40}") && compact.chars().anyMatch(Character::isDigit)) {
                hits.addAll(query(
                        "select 'person', id, name, 'documentNumber' from registry.person where"
                                + " document_number = ? and deleted_at is null",
                        compact));
                hits.addAll(query(
                        "select 'company', id, name, 'documentNumber' from registry.company where"
                                + " document_number = ? and deleted_at is null",
                        compact));
                hits.addAll(pixKey(compact));
            }
            if (hits.isEmpty() && typed.length() >= 2) {
                String prefix = Like.prefix(typed);
                hits.addAll(query(
                        "select 'person', id, name, 'name' from registry.person"
                                + " where lower(name) collate \"C\" like ? and deleted_at is null"
                                + " order by lower(name) collate \"C\" limit " + MAX_HITS,
                        prefix));
                hits.addAll(query(
                        "select 'company', id, name, 'name' from registry.company"
                                + " where lower(name) collate \"C\" like ? and deleted_at is null"
                                + " order by lower(name) collate \"C\" limit " + MAX_HITS,
                        prefix));
            }
        }
        return hits.size() > MAX_HITS ? List.copyOf(hits.subList(0, MAX_HITS)) : List.copyOf(hits);
    }

    /** The live account whose active Pix key this is. */
    private List<Hit> pixKey(String value) {
        return query(
                "select 'account', a.id, 'account ' || a.number, 'pixKey' from registry.pix_key k join"
                        + " registry.account a on a.id = k.account_id and a.deleted_at is null where k.key_value = ? and"
                        + " k.status = 'active' and k.deleted_at is null",
                value);
    }

    private List<Hit> query(String sql, String value) {
        return jdbc.sql(sql)
                .param(value)
                .query((rs, row) ->
                        new Hit(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Eight digits with or without the check digit, as stored ({@code 10000001-7}). */
    private static String accountNumber(String digits) {
        return digits.length() == 9
                ? digits.substring(0, 8) + "-" + digits.substring(8)
                : AccountNumbers.withCheckDigit(digits);
    }

    private static boolean isUuid(String text) {
        return text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }
}
