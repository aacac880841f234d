package org.opsdesk.exchange.quotes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.exchange.quotes.Pricing.Fixed;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code exchange.quote}: inserted when shown, locked and marked used when accepted. */
@Repository
class QuoteStore {

    private final JdbcClient jdbc;
    private final Currencies currencies;

    QuoteStore(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    void insert(Quote q, Actor actor) {
        Priced p = q.priced();
        jdbc.sql(
                        """
                        insert into exchange.quote (id, base, quote, side, rate, pay_amount, pay_currency,
                          receive_amount, receive_currency, fixed, subject, created_by_kind, created_by_id,
                          created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        q.id(),
                        q.base(),
                        q.quote(),
                        q.side().name(),
                        p.rate(),
                        p.pay().amount(),
                        p.pay().currency().code(),
                        p.receive().amount(),
                        p.receive().currency().code(),
                        p.fixed().name(),
                        q.subject(),
                        actor.kind().code(),
                        actor.id(),
                        q.createdAt().atOffset(ZoneOffset.UTC),
                        q.expiresAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The quote's row, locked until the transaction ends: two acceptances of one quote happen one after the other. */
    Optional<Quote> lock(UUID id) {
        return jdbc.sql("select * from exchange.quote where id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    Optional<Quote> find(UUID id) {
        return jdbc.sql("select * from exchange.quote where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    void markUsed(UUID id, UUID orderId) {
        int changed = jdbc.sql("update exchange.quote set order_id = ? where id = ? and order_id is null")
                .params(orderId, id)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("quote " + id + " was used meanwhile, though its row was locked");
        }
    }

    private Quote map(ResultSet rs, int row) throws SQLException {
        var pay = new Money(
                rs.getBigDecimal("pay_amount"),
                currencies.find(rs.getString("pay_currency")).orElseThrow());
        var receive = new Money(
                rs.getBigDecimal("receive_amount"),
                currencies.find(rs.getString("receive_currency")).orElseThrow());
        return new Quote(
                rs.getObject("id", UUID.class),
                rs.getString("base"),
                rs.getString("quote"),
                Side.valueOf(rs.getString("side")),
                new Priced(pay, receive, rs.getBigDecimal("rate"), Fixed.valueOf(rs.getString("fixed"))),
                rs.getString("subject"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                rs.getObject("order_id", UUID.class));
    }
}
