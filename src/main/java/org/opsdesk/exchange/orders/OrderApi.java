package org.opsdesk.exchange.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.orders.Orders.Placed;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/exchange/orders}: orders taken at the desk, by phone or by integrators, and their rate changes. */
@Tag(name = "Exchange orders")
@RestController
@RequestMapping(path = "/api/v1/exchange", produces = "application/json")
class OrderApi {

    private final Orders orders;

    OrderApi(Orders orders) {
        this.orders = orders;
    }

    record AmountBody(@Nullable @Size(max = 64) String value, @Nullable @Size(max = 16) String currency) {}

    record AccountBody(
            @Nullable @Size(max = 64) String iban,
            @Nullable @Size(max = 64) String accountNumber,
            @Nullable @Size(max = 200) String name,
            @Nullable @Size(max = 32) String bic) {

        OrderDraft.AccountDraft draft() {
            return new OrderDraft.AccountDraft(iban, accountNumber, name, bic);
        }
    }

    record PlaceBody(
            @Nullable @Size(max = 200) String subject,
            @Nullable @Size(max = 16) String base,
            @Nullable @Size(max = 16) String quote,
            @Nullable @Size(max = 8) String side,
            @Valid @NotNull AmountBody amount,
            @Valid @NotNull AccountBody payoutAccount,
            @Valid @Nullable AccountBody payFrom) {}

    record RateBody(@Nullable @Size(max = 32) String rate, @Nullable @Size(max = 600) String reason) {}

    record DecisionBody(@Nullable @Size(max = 600) String note) {}

    @RequiresPermission(ExchangePermissions.ORDERS)
    @PostMapping(path = "/orders", consumes = "application/json")
    @Operation(
            operationId = "placeExchangeOrder",
            summary = "Place an exchange order",
            description =
                    "At the pair's current rate: the amount in either currency, the other computed in the office's"
                            + " favour by at most one minor unit; the office's account to pay into (paired with the bank the"
                            + " client pays from where possible), an ISO 11649 payment reference and the payment deadline."
                            + " Creates the exchange_order operation.")
    @ApiResponse(responseCode = "201", description = "The order.")
    ResponseEntity<ExchangeOrderResponse> place(@Valid @RequestBody PlaceBody body, Actor actor) {
        var draft = new OrderDraft(
                body.subject() == null ? "" : body.subject(),
                body.base() == null ? "" : body.base(),
                body.quote() == null ? "" : body.quote(),
                body.side() == null ? "" : body.side(),
                body.amount().value() == null ? "" : body.amount().value(),
                body.amount().currency() == null ? "" : body.amount().currency(),
                body.payoutAccount().draft(),
                body.payFrom() == null ? null : body.payFrom().draft());
        String channel = actor.kind() == Actor.Kind.API_KEY ? "api" : "desk";
        Placed placed = orders.place(draft, channel, actor);
        return ResponseEntity.created(
                        URI.create("/api/v1/exchange/orders/" + placed.order().id()))
                .body(response(placed));
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/orders/{id}")
    @Operation(
            operationId = "getExchangeOrder",
            summary = "Read an exchange order",
            description = "Its exchange details with the operation's stage and status.")
    @ApiResponse(responseCode = "200", description = "The order.")
    ExchangeOrderResponse get(@PathVariable UUID id, Actor actor) {
        return response(orders.get(id, actor));
    }

    @RequiresPermission(ExchangePermissions.ORDERS)
    @PostMapping(path = "/orders/{id}/rate", consumes = "application/json")
    @Operation(
            operationId = "changeExchangeOrderRate",
            summary = "Change an order's rate",
            description = "A new rate with a reason: the amount the client typed stays, the other is recomputed; kept"
                    + " in the history and the client is told. Beyond the configured difference from the accepted"
                    + " rate it waits for a second person (202 with the request).")
    @ApiResponse(
            responseCode = "200",
            description = "The order, at its new rate.",
            content = @Content(schema = @Schema(implementation = ExchangeOrderResponse.class)))
    @ApiResponse(
            responseCode = "202",
            description = "The change waits for a second person's approval.",
            content = @Content(schema = @Schema(implementation = PendingRateChange.class)))
    ResponseEntity<?> changeRate(@PathVariable UUID id, @Valid @RequestBody RateBody body, Actor actor) {
        var change = orders.changeRate(id, body.rate(), body.reason(), actor);
        if (change.pendingRequest() != null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new PendingRateChange(
                            change.pendingRequest().toString(), "PENDING", response(change.order())));
        }
        return ResponseEntity.ok(response(change.order()));
    }

    @RequiresPermission(ExchangePermissions.ORDERS)
    @PostMapping(path = "/rate-requests/{id}/approve", consumes = "application/json")
    @Operation(
            operationId = "approveExchangeRateChange",
            summary = "Approve a pending rate change",
            description = "By a person other than the one who asked; the change applies at once.")
    @ApiResponse(responseCode = "200", description = "The order, at its new rate.")
    ExchangeOrderResponse approve(@PathVariable UUID id, @Valid @RequestBody DecisionBody body, Actor actor) {
        return response(orders.decideRateChange(id, true, body.note(), actor));
    }

    @RequiresPermission(ExchangePermissions.ORDERS)
    @PostMapping(path = "/rate-requests/{id}/decline", consumes = "application/json")
    @Operation(
            operationId = "declineExchangeRateChange",
            summary = "Decline a pending rate change",
            description = "By a person other than the one who asked; the order keeps its rate.")
    @ApiResponse(responseCode = "200", description = "The order, unchanged.")
    ExchangeOrderResponse decline(@PathVariable UUID id, @Valid @RequestBody DecisionBody body, Actor actor) {
        return response(orders.decideRateChange(id, false, body.note(), actor));
    }

    /** An amount: a decimal string at the currency's scale, and the currency. */
    record ExchangeAmount(String value, String currency) {}

    /** The office's account the client pays into, as they were told. */
    record PayInAccount(
            String bankAccountId,
            @Nullable String iban,
            @Nullable String accountNumber,
            String bankName,
            boolean pairedByBank) {}

    /** The client's account the exchanged amount goes to, and the office's account it leaves from where chosen. */
    record PayoutAccount(
            @Nullable String iban,
            @Nullable String accountNumber,
            String name,
            @Nullable String fromBankAccountId,
            boolean pairedByBank) {}

    /** An exchange order: its exchange details with the operation's stage and status. */
    record ExchangeOrderResponse(
            String id,
            String stage,
            String status,
            String subject,
            String base,
            String quote,
            String side,
            String rate,
            String quotedRate,
            ExchangeAmount pay,
            ExchangeAmount receive,
            String paymentReference,
            PayInAccount payIn,
            PayoutAccount payoutAccount,
            String deadline,
            String channel,
            String createdAt) {}

    /** A rate change waiting for a second person, with the order as it stands meanwhile. */
    record PendingRateChange(String rateRequest, String state, ExchangeOrderResponse order) {}

    static ExchangeOrderResponse response(Placed placed) {
        ExchangeOrder o = placed.order();
        return new ExchangeOrderResponse(
                o.id().toString(),
                placed.operation().stage(),
                placed.operation().status().name(),
                placed.operation().subject(),
                o.base(),
                o.quote(),
                o.side().name().toLowerCase(Locale.ROOT),
                o.rate().toPlainString(),
                o.quotedRate().toPlainString(),
                new ExchangeAmount(o.pay().value(), o.pay().currency().code()),
                new ExchangeAmount(o.receive().value(), o.receive().currency().code()),
                o.paymentReference().value(),
                new PayInAccount(
                        o.payInAccountId().toString(), o.payInIban(), o.payInNumber(), o.payInBank(), o.payInPaired()),
                new PayoutAccount(
                        o.payoutIban(),
                        o.payoutAccount(),
                        o.payoutName(),
                        o.payoutFromId() == null ? null : o.payoutFromId().toString(),
                        o.payoutPaired()),
                o.deadline().toString(),
                o.channel(),
                o.createdAt().toString());
    }
}
