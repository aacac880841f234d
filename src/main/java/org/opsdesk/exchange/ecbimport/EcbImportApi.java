package org.opsdesk.exchange.ecbimport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * {@code /api/v1/exchange/pairs/{base}/{quote}/spread}: the spread the ECB import gives a pair; {@code
 * /api/v1/exchange/rates/import/ecb}: importing an ECB reference-rate file, and the log of imports.
 */
@Tag(name = "Currencies and rates")
@RestController
@RequestMapping(path = "/api/v1/exchange", produces = "application/json")
class EcbImportApi {

    private final PairSpreads spreads;
    private final EcbImport importer;
    private final ImportLog log;

    EcbImportApi(PairSpreads spreads, EcbImport importer, ImportLog log) {
        this.spreads = spreads;
        this.importer = importer;
        this.log = log;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/pairs/spreads")
    @Operation(
            operationId = "listExchangePairSpreads",
            summary = "List the pairs' ECB spreads",
            description = "Every pair the ECB import sets, with its spread in basis points around the cross rate.")
    @ApiResponse(
            responseCode = "200",
            description = "The spreads.",
            content = @Content(schema = @Schema(implementation = SpreadList.class)))
    SpreadList spreads() {
        return new SpreadList(spreads.all().stream().map(SpreadResponse::of).toList());
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PutMapping(path = "/pairs/{base}/{quote}/spread", consumes = "application/json")
    @Operation(
            operationId = "setExchangePairSpread",
            summary = "Set a pair's ECB spread",
            description = "The spread in basis points (0 to 5000; 100 = 1% between buy and sell) that the ECB import"
                    + " puts around the pair's cross rate. Only pairs with a spread are imported; the pair need not"
                    + " have a rate yet. The change is recorded.")
    @ApiResponse(
            responseCode = "200",
            description = "The pair's spread.",
            content = @Content(schema = @Schema(implementation = SpreadResponse.class)))
    SpreadResponse setSpread(
            @PathVariable String base, @PathVariable String quote, @Valid @RequestBody SetSpread body, Actor actor) {
        return SpreadResponse.of(spreads.set(base, quote, body.spreadBps(), actor));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    // no `consumes`: a body of another type must meet the permission check first, then a 422 on `file`
    @PostMapping(path = "/rates/import/ecb")
    @Operation(
            operationId = "importEcbRates",
            summary = "Import ECB reference rates",
            description = "Takes an ECB reference-rate file (the eurofxref daily, 90-day or historical XML, the CSV,"
                    + " or the ZIP carrying it) as the multipart part `file` and sets, from its newest business day,"
                    + " the rate of every pair with a spread whose currencies the file lists (source `ecb`). Answers"
                    + " the pairs set and those skipped with why; a file the ECB does not publish is refused (422 on"
                    + " `file`). Every import is recorded.")
    @ApiResponse(
            responseCode = "200",
            description = "What the import set and skipped.",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = Upload.class)))
    ImportResponse importFile(HttpServletRequest request, Actor actor) {
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultipartFile file = multipart == null ? null : multipart.getFile("file");
        return ImportResponse.of(importer.run(EcbUpload.read(file), "upload", EcbUpload.name(file), actor));
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/rates/import/ecb")
    @Operation(
            operationId = "listEcbImports",
            summary = "List recent ECB imports",
            description = "The newest 50 imports, uploaded or scheduled, newest first, failed ones included.")
    @ApiResponse(
            responseCode = "200",
            description = "The imports.",
            content = @Content(schema = @Schema(implementation = ImportList.class)))
    ImportList imports() {
        return new ImportList(log.recent(50).stream().map(ImportResponse::of).toList());
    }

    /** The upload's shape, for the API description. */
    record Upload(
            @Schema(
                            type = "string",
                            format = "binary",
                            description = "An ECB reference-rate file: eurofxref XML, CSV or ZIP")
                    String file) {}

    record SetSpread(@Schema(example = "150") @Nullable Integer spreadBps) {}

    record SpreadList(List<SpreadResponse> items) {}

    record SpreadResponse(
            @Schema(example = "EUR") String base,
            @Schema(example = "PLN") String quote,
            @Schema(example = "150") int spreadBps,
            @Schema(example = "2026-12-07T09:15:00Z") Instant updatedAt,
            @Schema(example = "Ana Souza") String updatedBy) {
        static SpreadResponse of(SpreadStore.Spread spread) {
            return new SpreadResponse(
                    spread.base(), spread.quote(), spread.spreadBps(), spread.updatedAt(), spread.updatedBy());
        }
    }

    record ImportList(List<ImportResponse> items) {}

    record SkippedPair(
            @Schema(example = "EUR/XAU") String pair, @Schema(example = "XAU is not in the file") String reason) {}

    record ImportResponse(
            @Schema(example = "7a1e4c2b-0d3f-4e5a-9b6c-1d2e3f4a5b6c") String id,
            @Schema(
                            example = "upload",
                            allowableValues = {"upload", "schedule"})
                    String origin,
            @Schema(example = "eurofxref-daily.xml") String location,
            @Schema(example = "Ana Souza") String importedBy,
            @Schema(example = "2026-12-07T16:05:00Z") Instant startedAt,
            @Nullable @Schema(example = "2026-12-07") LocalDate fileDate,
            @Schema(
                            example = "succeeded",
                            allowableValues = {"succeeded", "failed"})
                    String outcome,
            @Nullable @Schema(example = "connection timed out") String reason,
            @Schema(example = "[\"EUR/PLN\", \"USD/PLN\"]") List<String> pairsSet,
            List<SkippedPair> pairsSkipped) {
        static ImportResponse of(ImportRecord entry) {
            return new ImportResponse(
                    entry.id().toString(),
                    entry.origin(),
                    entry.location(),
                    entry.actorName(),
                    entry.startedAt(),
                    entry.fileDate(),
                    entry.succeeded() ? "succeeded" : "failed",
                    entry.reason(),
                    entry.pairsSet(),
                    entry.pairsSkipped().stream()
                            .map(s -> new SkippedPair(s.pair(), s.reason()))
                            .toList());
        }
    }
}
