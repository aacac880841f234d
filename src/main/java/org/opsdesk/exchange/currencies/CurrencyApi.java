package org.opsdesk.exchange.currencies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/exchange/currencies}: the dictionary of currencies and the office's settings for each. */
@Tag(name = CurrencyApi.TAG)
@RestController
@RequestMapping(path = "/api/v1/exchange/currencies", produces = "application/json")
class CurrencyApi {

    static final String TAG = "Currencies and rates";

    private final CurrencyBook book;

    CurrencyApi(CurrencyBook book) {
        this.book = book;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    @Operation(
            operationId = "listExchangeCurrencies",
            summary = "List currencies",
            description = "Every currency of the dictionary (ISO 4217 with a minor unit, plus the configured crypto"
                    + " assets) by code, with its decimals and the office's settings: enabled, the limits of one"
                    + " order's amount and the payment window.")
    @ApiResponse(
            responseCode = "200",
            description = "The currencies.",
            content = @Content(schema = @Schema(implementation = CurrencyList.class)))
    CurrencyList list() {
        return new CurrencyList(book.all().stream().map(this::response).toList());
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PutMapping(path = "/{code}", consumes = "application/json")
    @Operation(
            operationId = "updateExchangeCurrency",
            summary = "Configure a currency",
            description = "Enables or disables a currency and sets the limits of one order's amount in it (decimal"
                    + " strings at most at the currency's scale, not negative, min not above max; absent or null:"
                    + " no limit) and the payment window of orders paid in it (ISO-8601, PT1M to P7D, default"
                    + " PT15M). The change is recorded with who, when, before and after.")
    @ApiResponse(
            responseCode = "200",
            description = "The currency with its new settings.",
            content = @Content(schema = @Schema(implementation = CurrencyResponse.class)))
    CurrencyResponse update(@PathVariable String code, @Valid @RequestBody Update body, Actor actor) {
        return response(
                book.update(code, body.enabled(), body.minAmount(), body.maxAmount(), body.paymentWindow(), actor));
    }

    private CurrencyResponse response(CurrencySettings settings) {
        String code = settings.code();
        return new CurrencyResponse(
                code,
                CurrencyBook.name(code, Locale.ENGLISH),
                settings.currency().fractionDigits(),
                book.isCrypto(code),
                settings.enabled(),
                settings.minAmount() == null ? null : settings.minAmount().toPlainString(),
                settings.maxAmount() == null ? null : settings.maxAmount().toPlainString(),
                settings.paymentWindow().toString(),
                settings.updatedAt(),
                settings.updatedBy());
    }

    /** {@code enabled} is required; limits and window may be left out (no limit, PT15M). */
    record Update(
            @NotNull Boolean enabled,
            @Nullable @Size(max = 64) @Schema(example = "100.00") String minAmount,
            @Nullable @Size(max = 64) @Schema(example = "50000.00") String maxAmount,
            @Nullable @Size(max = 64) @Schema(example = "PT15M") String paymentWindow) {}

    record CurrencyList(List<CurrencyResponse> items) {}

    record CurrencyResponse(
            @Schema(example = "EUR") String code,
            @Schema(example = "Euro") String name,
            @Schema(example = "2") int digits,
            @Schema(example = "false") boolean crypto,
            @Schema(example = "true") boolean enabled,
            @Nullable @Schema(example = "100.00") String minAmount,
            @Nullable @Schema(example = "50000.00") String maxAmount,
            @Schema(example = "PT15M") String paymentWindow,
            @Nullable @Schema(example = "2026-12-07T09:15:00Z") Instant updatedAt,
            @Nullable @Schema(example = "Ana Souza") String updatedBy) {}
}
