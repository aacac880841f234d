package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.quotes.Pricing.Fixed;
import org.opsdesk.exchange.quotes.Side;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code exchange.order_detail} and the insert-only {@code exchange.order_rate_change}. */
@Repository
class OrderStore {

    private final JdbcClient jdbc;
    private final Currencies currencies;

    OrderStore(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    /** Stores the order's details with whose order it is ({@code subject}: the operation's, for lookups by client). */
    void insert(ExchangeOrder o, String subject) {
        jdbc.sql(
                        """
                        insert into exchange.order_detail (operation_id, base, quote, side, rate, quoted_rate, pay_amount,
                          pay_currency, receive_amount, receive_currency, fixed, payment_reference, pay_in_account_id,
                          pay_in_paired, pay_in_bank, pay_in_iban, pay_in_number, payout_from_id, payout_paired,
                          payout_iban, payout_account, payout_name, pay_from_iban, pay_from_account, deadline, channel,
                          quote_id, created_at, client_subject)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        o.id(),
                        o.base(),
                        o.quote(),
                        o.side().name(),
                        o.rate(),
                        o.quotedRate(),
                        o.pay().amount(),
                        o.pay().currency().code(),
                        o.receive().amount(),
                        o.receive().currency().code(),
                        o.fixed().name(),
                        o.paymentReference().value(),
                        o.payInAccountId(),
                        o.payInPaired(),
                        o.payInBank(),
                        o.payInIban(),
                        o.payInNumber(),
                        o.payoutFromId(),
                        o.payoutPaired(),
                        o.payoutIban(),
                        o.payoutAccount(),
                        o.payoutName(),
                        o.payFromIban(),
                        o.payFromAccount(),
                        o.deadline().atOffset(ZoneOffset.UTC),
                        o.channel(),
                        o.quoteId(),
                        o.createdAt().atOffset(ZoneOffset.UTC),
                        subject)
                .update();
    }

    Optional<ExchangeOrder> find(UUID id) {
        return jdbc.sql("select * from exchange.order_detail where operation_id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The orders of these operations (those that are orders), by operation id. */
    Map<UUID, ExchangeOrder> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select * from exchange.order_detail where operation_id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(this::map)
                .stream()
                .collect(Collectors.toMap(ExchangeOrder::id, order -> order));
    }

    /**
     * These orders' rows, locked until the transaction ends in the order of their ids (two callers locking
     * overlapping sets never wait on each other in a circle), by id.
     */
    Map<UUID, ExchangeOrder> lockAll(Collection<UUID> ids) {
        var locked = new java.util.LinkedHashMap<UUID, ExchangeOrder>();
        jdbc.sql("select * from exchange.order_detail where operation_id = any(?) order by operation_id for update")
                .param(ids.toArray(UUID[]::new))
                .query(this::map)
                .list()
                .forEach(order -> locked.put(order.id(), order));
        return locked;
    }

    /** The order's row, locked until the transaction ends: rate changes of one order happen one after the other. */
    Optional<ExchangeOrder> lock(UUID id) {
        return jdbc.sql("select * from exchange.order_detail where operation_id = ? for update")
                .param(id)
                .query(this::map)
                .optional();
    }

    void changeRate(
            ExchangeOrder before,
            ExchangeOrder after,
            String reason,
            Actor actor,
            @Nullable Actor approver,
            Instant at) {
        jdbc.sql("update exchange.order_detail set rate = ?, pay_amount = ?, receive_amount = ? where operation_id = ?")
                .params(after.rate(), after.pay().amount(), after.receive().amount(), after.id())
                .update();
        jdbc.sql(
                        """
                        insert into exchange.order_rate_change (operation_id, from_rate, to_rate, from_pay, to_pay,
                          from_receive, to_receive, reason, actor_kind, actor_id, actor_name, approved_by_id,
                          approved_by_name, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        after.id(),
                        before.rate(),
                        after.rate(),
                        before.pay().amount(),
                        after.pay().amount(),
                        before.receive().amount(),
                        after.receive().amount(),
                        reason,
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        approver == null ? null : approver.id(),
                        approver == null ? null : approver.name(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** A pending rate change; empty when the order already has one pending (at most one, by a unique index). */
    Optional<UUID> requestRateChange(UUID operationId, BigDecimal toRate, String reason, Actor maker, Instant at) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql(
                        """
                        insert into exchange.order_rate_request (id, operation_id, to_rate, reason, maker_kind, maker_id,
                          maker_name, maker_person, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (operation_id) where state = 'PENDING' do nothing""")
                .params(
                        id,
                        operationId,
                        toRate,
                        reason,
                        maker.kind().name(),
                        maker.id(),
                        maker.name(),
                        maker.person(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    Optional<RateRequest> lockRequest(UUID id) {
        return jdbc.sql("select * from exchange.order_rate_request where id = ? for update")
                .param(id)
                .query(OrderStore::request)
                .optional();
    }

    Optional<RateRequest> pendingRequest(UUID operationId) {
        return jdbc.sql("select * from exchange.order_rate_request where operation_id = ? and state = 'PENDING'")
                .param(operationId)
                .query(OrderStore::request)
                .optional();
    }

    private static RateRequest request(ResultSet rs, int row) throws SQLException {
        return new RateRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("operation_id", UUID.class),
                rs.getBigDecimal("to_rate"),
                rs.getString("reason"),
                Actor.Kind.valueOf(rs.getString("maker_kind")),
                rs.getString("maker_id"),
                rs.getString("maker_name"),
                rs.getString("maker_person"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("state"));
    }

    void decideRequest(UUID id, String state, Actor checker, @Nullable String note, Instant at) {
        jdbc.sql(
                        """
                        update exchange.order_rate_request
                        set state = ?, decided_by_id = ?, decided_by_name = ?, decision_note = ?, decided_at = ?
                        where id = ? and state = 'PENDING'""")
                .params(state, checker.id(), checker.name(), note, at.atOffset(ZoneOffset.UTC), id)
                .update();
    }

    private ExchangeOrder map(ResultSet rs, int row) throws SQLException {
        return new ExchangeOrder(
                rs.getObject("operation_id", UUID.class),
                rs.getString("base"),
                rs.getString("quote"),
                Side.valueOf(rs.getString("side")),
                rs.getBigDecimal("rate"),
                rs.getBigDecimal("quoted_rate"),
                money(rs.getBigDecimal("pay_amount"), rs.getString("pay_currency")),
                money(rs.getBigDecimal("receive_amount"), rs.getString("receive_currency")),
                Fixed.valueOf(rs.getString("fixed")),
                new PaymentReference(rs.getString("payment_reference")),
                rs.getObject("pay_in_account_id", UUID.class),
                rs.getBoolean("pay_in_paired"),
                rs.getString("pay_in_bank"),
                rs.getString("pay_in_iban"),
                rs.getString("pay_in_number"),
                rs.getObject("payout_from_id", UUID.class),
                rs.getBoolean("payout_paired"),
                rs.getString("payout_iban"),
                rs.getString("payout_account"),
                rs.getString("payout_name"),
                rs.getString("pay_from_iban"),
                rs.getString("pay_from_account"),
                rs.getObject("deadline", OffsetDateTime.class).toInstant(),
                rs.getString("channel"),
                rs.getObject("quote_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private Money money(BigDecimal amount, String code) {
        var currency = currencies
                .find(code)
                .orElseThrow(() -> new IllegalStateException("order stored in a currency no longer known: " + code));
        return new Money(amount, currency);
    }
}
