package org.opsdesk.banking.mappings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange/statement-mappings}: the banks' saved CSV mappings — saved once, listed, read; an import
 * names one ({@code mapping={id}}) to read a bank's CSV export.
 */
@Tag(
        name = "Statement mappings",
        description = "How each bank's CSV export is read (separator, decimal comma, date format, encoding, header"
                + " rows, columns): saved once, then named by the imports of that bank's files.")
@RestController
@RequestMapping(path = "/api/v1/exchange/statement-mappings", produces = "application/json")
class StatementMappingApi {

    private final StatementMappings mappings;

    StatementMappingApi(StatementMappings mappings) {
        this.mappings = mappings;
    }

    /** A mapping to save: its name, the bank, and how its CSV is read. */
    record SaveRequest(
            @Schema(description = "Unique; what the cashier picks.", example = "Garanti BBVA account export") @Nullable
                    String name,
            @Schema(example = "Garanti BBVA") @Nullable String bankName,
            @Nullable MappingFields mapping) {}

    /** A saved mapping as the API answers it. */
    @Schema(description = "A bank's saved CSV mapping.")
    record MappingResponse(
            @Schema(example = "0f3b6d2a-8c1e-4a7b-9d5f-2e6c8a0b4d13") UUID id,
            @Schema(example = "Garanti BBVA account export") String name,
            @Schema(example = "Garanti BBVA") String bankName,
            MappingFields mapping,
            @Schema(example = "ana") String createdBy,
            @Schema(example = "2026-12-07T09:15:00Z") Instant createdAt) {

        static MappingResponse of(SavedMapping saved) {
            return new MappingResponse(
                    saved.id(), saved.name(), saved.bankName(), saved.fields(), saved.createdBy(), saved.createdAt());
        }
    }

    /** Every saved mapping. */
    @Schema(description = "The saved mappings, by bank and name.")
    record MappingList(List<MappingResponse> items) {}

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "saveStatementMapping",
            summary = "Save a bank's CSV mapping",
            description = "Saves how one bank's CSV export is read, under a unique name. Columns count from 0; the"
                    + " amount is signed unless a direction column with its credit and debit markers is given; a"
                    + " currency column or a fixed currency is required; a running balance column gives the"
                    + " statement's opening and closing balances (without it nothing can be reconciled). Every field"
                    + " that cannot be used is named in the 422. A change is a new mapping.")
    @ApiResponse(responseCode = "201", description = "The mapping, saved.")
    ResponseEntity<MappingResponse> save(@RequestBody SaveRequest request, Actor actor) {
        MappingFields fields = request.mapping() == null ? MappingFields.EMPTY : request.mapping();
        SavedMapping saved = mappings.save(request.name(), request.bankName(), fields, actor);
        return ResponseEntity.created(URI.create("/api/v1/exchange/statement-mappings/" + saved.id()))
                .body(MappingResponse.of(saved));
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    @Operation(
            operationId = "listStatementMappings",
            summary = "List the saved CSV mappings",
            description = "Every saved mapping, by bank and name.")
    @ApiResponse(
            responseCode = "200",
            description = "The mappings.",
            content = @Content(schema = @Schema(implementation = MappingList.class)))
    MappingList list() {
        return new MappingList(mappings.all().stream().map(MappingResponse::of).toList());
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{id}")
    @Operation(
            operationId = "getStatementMapping",
            summary = "Read a saved CSV mapping",
            description = "One saved mapping with its fields, who saved it and when; 404 when there is none.")
    MappingResponse get(@Parameter(description = "The mapping's id.") @PathVariable UUID id) {
        return MappingResponse.of(
                mappings.find(id).orElseThrow(() -> new NotFound("statement mapping", id.toString())));
    }
}
