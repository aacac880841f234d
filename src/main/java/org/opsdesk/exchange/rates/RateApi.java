package org.opsdesk.exchange.rates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.web.DeskRefusal;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange/rates}: pairs with their current buy/sell rate, setting a rate (and optionally the mode),
 * a pair's rate history; {@code /api/v1/exchange/pairs/{base}/{quote}}: a pair's exchange mode.
 */
@Tag(name = RateApi.TAG)
@RestController
@RequestMapping(path = "/api/v1/exchange", produces = "application/json")
class RateApi {

    static final String TAG = "Currencies and rates";

    private final RateBook book;
    private final RateHistory history;

    RateApi(RateBook book, RateHistory history) {
        this.book = book;
        this.history = history;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/rates")
    @Operation(
            operationId = "listExchangeRates",
            summary = "List current rates",
            description = "Every pair with its current rate (the office buys 1 base for `buy` quote and sells it for"
                    + " `sell`), its exchange mode, when, by whom and from where it was set, whether it is stale"
                    + " (older than opsdesk.exchange.rates.max-age) and whether it may be quoted now.")
    @ApiResponse(
            responseCode = "200",
            description = "The pairs with their rates.",
            content = @Content(schema = @Schema(implementation = RateList.class)))
    RateList list() {
        return new RateList(book.all().stream().map(RateResponse::of).toList());
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PutMapping(path = "/rates/{base}/{quote}", consumes = "application/json")
    @Operation(
            operationId = "setExchangeRate",
            summary = "Set a pair's rate",
            description = "Sets the pair's buy and sell rates (decimal strings, `sell > buy > 0`, at most 10"
                    + " decimals and 12 integer digits) with source `manual`, creating the pair on its first rate"
                    + " (mode `manual` unless `mode` says otherwise). Both currencies must be enabled. The rate is"
                    + " appended to the pair's insert-only history.")
    @ApiResponse(
            responseCode = "200",
            description = "The pair with its new rate.",
            content = @Content(schema = @Schema(implementation = RateResponse.class)))
    RateResponse set(
            @PathVariable String base, @PathVariable String quote, @Valid @RequestBody SetRate body, Actor actor) {
        book.pair(base, quote);
        var buy = RateRules.parse("buy", body.buy());
        var sell = RateRules.parse("sell", body.sell());
        var mode = body.mode() == null ? null : mode(body.mode());
        return RateResponse.of(book.set(base, quote, buy, sell, mode, "manual", actor));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PutMapping(path = "/pairs/{base}/{quote}", consumes = "application/json")
    @Operation(
            operationId = "setExchangePairMode",
            summary = "Set a pair's exchange mode",
            description = "`automatic`: a matched payment starts the payout; `semi_automatic`: matching is"
                    + " automatic, a cashier releases the payout; `manual`: the cashier confirms payment and"
                    + " completion by hand. The pair must have a rate (404 otherwise). The change is recorded.")
    @ApiResponse(
            responseCode = "200",
            description = "The pair with its mode.",
            content = @Content(schema = @Schema(implementation = RateResponse.class)))
    RateResponse setMode(
            @PathVariable String base, @PathVariable String quote, @Valid @RequestBody SetMode body, Actor actor) {
        book.pair(base, quote);
        return RateResponse.of(book.setMode(base, quote, mode(body.mode()), actor));
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/rates/{base}/{quote}/history")
    @Operation(
            operationId = "getExchangeRateHistory",
            summary = "Read a pair's rate history",
            description = "Every rate the pair had in the range, newest first, with its source, who set it and when;"
                    + " keyset pages (`nextCursor`).")
    @Parameter(name = "from", description = "Only changes at or after this time (ISO-8601 with offset).")
    @Parameter(name = "to", description = "Only changes before this time (ISO-8601 with offset).")
    @Parameter(name = "cursor", description = "The `nextCursor` of the previous page.")
    @Parameter(name = "limit", description = "Entries per page, 1 to 500 (default 100).")
    @ApiResponse(
            responseCode = "200",
            description = "A page of the history.",
            content = @Content(schema = @Schema(implementation = HistoryPage.class)))
    HistoryPage history(
            @PathVariable String base,
            @PathVariable String quote,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        var page = history.page(base, quote, RateHistory.range(from, to), cursor, Keyset.limit(limit));
        return new HistoryPage(page.items().stream().map(HistoryEntry::of).toList(), page.next());
    }

    private static ExchangeMode mode(String code) {
        return ExchangeMode.ofCode(code)
                .orElseThrow(() -> DeskRefusal.of("mode", "mode", "one of automatic, semi_automatic, manual"));
    }

    record SetRate(
            @NotNull @Size(max = 64) @Schema(example = "4.2150") String buy,
            @NotNull @Size(max = 64) @Schema(example = "4.3050") String sell,
            @Nullable @Size(max = 32) @Schema(example = "manual") String mode) {}

    record SetMode(@NotNull @Size(max = 32) @Schema(example = "semi_automatic") String mode) {}

    record RateList(List<RateResponse> items) {}

    record RateResponse(
            @Schema(example = "EUR") String base,
            @Schema(example = "PLN") String quote,
            @Schema(example = "4.2150") String buy,
            @Schema(example = "4.3050") String sell,
            @Schema(
                            example = "manual",
                            allowableValues = {"automatic", "semi_automatic", "manual"})
                    String mode,
            @Schema(example = "manual") String source,
            @Schema(example = "2026-12-07T09:15:00Z") Instant updatedAt,
            @Schema(example = "Ana Souza") String updatedBy,
            @Schema(example = "false") boolean stale,
            @Schema(example = "true") boolean quotable) {
        static RateResponse of(PairRate rate) {
            return new RateResponse(
                    rate.base(),
                    rate.quote(),
                    rate.buy().toPlainString(),
                    rate.sell().toPlainString(),
                    rate.mode().code(),
                    rate.source(),
                    rate.updatedAt(),
                    rate.updatedBy(),
                    rate.stale(),
                    rate.quotable());
        }
    }

    record HistoryPage(
            List<HistoryEntry> items,
            @Nullable @Schema(example = "MjAyNi0xMi0wN1QwOToxNTowMFp8N2ExZQ") String nextCursor) {}

    record HistoryEntry(
            @Schema(example = "4.2150") String buy,
            @Schema(example = "4.3050") String sell,
            @Schema(example = "manual") String source,
            @Schema(example = "2026-12-07T09:15:00Z") Instant changedAt,
            @Schema(example = "Ana Souza") String changedBy,
            @Schema(
                            example = "operator",
                            allowableValues = {"operator", "api_key", "system", "timer"})
                    String changedByKind) {
        static HistoryEntry of(RateChange change) {
            return new HistoryEntry(
                    change.buy().toPlainString(),
                    change.sell().toPlainString(),
                    change.source(),
                    change.changedAt(),
                    change.actorName(),
                    change.actorKind());
        }
    }
}
