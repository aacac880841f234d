package org.opsdesk.provider.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.provider.ProviderPermissions;
import org.opsdesk.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' controls over provider outcomes not known yet: read the resolver's state, check now, and settle by
 * hand under four-eyes. An operation the caller may not see, or one that never waited for the provider, is "not
 * found".
 */
@Tag(name = "Provider")
@RestController
@RequestMapping(path = "/api/v1/provider", produces = "application/json")
class ProviderOutcomeApi {

    private final OutcomeResolver resolver;
    private final Settlements settlements;
    private final OperationQueries operations;

    ProviderOutcomeApi(OutcomeResolver resolver, Settlements settlements, OperationQueries operations) {
        this.resolver = resolver;
        this.settlements = settlements;
        this.operations = operations;
    }

    /** A settlement's outcome and reason. */
    record SettleRequest(
            @Schema(
                            description = "What the provider reached, as learnt by other means.",
                            allowableValues = {"done", "failed"})
                    @Nullable
                    String outcome,
            @Schema(description = "How it was learnt (required, at most 500 characters).") @Nullable String reason) {}

    /** A decline's reason. */
    record DeclineRequest(
            @Schema(description = "Why the settlement is declined (required, at most 500 characters).") @Nullable
                    String reason) {}

    @org.opsdesk.shared.RequiresPermission(ProviderPermissions.CHECK)
    @GetMapping("/outcomes/{operationId}")
    @Operation(
            operationId = "getProviderOutcome",
            summary = "Read a provider outcome's state",
            description = "The resolver's state for an action whose outcome at the provider was not known when it was"
                    + " sent: checks made, the next check's time, what the last check heard, how it ended, and a"
                    + " settlement waiting for a second person.")
    @Parameter(name = "operationId", description = "The action's operation id.")
    OutcomeView get(@PathVariable UUID operationId, Actor actor) {
        operations.get(operationId, actor);
        return view(operationId);
    }

    @org.opsdesk.shared.RequiresPermission(ProviderPermissions.CHECK)
    @PostMapping("/outcomes/{operationId}/check")
    @Operation(
            operationId = "checkProviderOutcome",
            summary = "Check a provider outcome now",
            description = "Asks the provider at once what became of the action. A known outcome ends the wait"
                    + " (resolved by `check`) and moves the action's operation; otherwise what it heard is kept and"
                    + " the schedule goes on unchanged. An outcome no longer pending is answered as it stands.")
    @Parameter(name = "operationId", description = "The action's operation id.")
    @ApiResponse(
            responseCode = "200",
            description = "The outcome's state after the check.",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @ApiResponse(responseCode = "409", description = "`provider-not-configured`: no provider to ask.")
    OutcomeView check(@PathVariable UUID operationId, Actor actor) {
        operations.get(operationId, actor);
        resolver.checkNow(operationId, actor);
        return view(operationId);
    }

    @org.opsdesk.shared.RequiresPermission(ProviderPermissions.SETTLE)
    @PostMapping(path = "/outcomes/{operationId}/settle", consumes = "application/json")
    @Operation(
            operationId = "settleProviderOutcome",
            summary = "Ask to settle a provider outcome by hand",
            description = "Records what the provider reached as learnt by other means (its support, a statement),"
                    + " with a reason. Nothing changes until a second person — not the maker, nor a key the maker"
                    + " created — approves it at `/api/v1/provider/settlements/{id}/approve`.")
    @Parameter(name = "operationId", description = "The action's operation id.")
    @ApiResponse(
            responseCode = "202",
            description = "The settlement request, waiting for a second person.",
            headers = @Header(name = "Location"))
    @ApiResponse(
            responseCode = "409",
            description = "`outcome-not-pending`: the outcome is known already; `settlement-already-pending`: one"
                    + " waits for a decision.")
    ResponseEntity<Settlement> settle(@PathVariable UUID operationId, @RequestBody SettleRequest request, Actor actor) {
        Settlement settlement = settlements.request(operationId, request.outcome(), request.reason(), actor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/provider/settlements/" + settlement.id()))
                .body(settlement);
    }

    @org.opsdesk.shared.RequiresPermission(ProviderPermissions.SETTLE)
    @PostMapping("/settlements/{id}/approve")
    @Operation(
            operationId = "approveProviderSettlement",
            summary = "Approve a settlement",
            description = "Ends the wait with the settlement's outcome (resolved by `settled`) and moves the action's"
                    + " operation, in one transaction. The maker cannot approve their own request.")
    @Parameter(name = "id", description = "The settlement request's id.")
    @ApiResponse(
            responseCode = "200",
            description = "The settlement, approved.",
            content = @Content(schema = @Schema(implementation = Settlement.class)))
    @ApiResponse(responseCode = "403", description = "`maker-cannot-approve`: the caller asked for it.")
    @ApiResponse(
            responseCode = "409",
            description = "`settlement-not-pending`: decided already; `settlement-void`: the outcome became known"
                    + " first (the settlement is void, nothing else changed).")
    Settlement approve(@PathVariable UUID id, Actor actor) {
        return settlements.approve(id, actor);
    }

    @org.opsdesk.shared.RequiresPermission(ProviderPermissions.SETTLE)
    @PostMapping(path = "/settlements/{id}/decline", consumes = "application/json")
    @Operation(
            operationId = "declineProviderSettlement",
            summary = "Decline a settlement",
            description = "Declines a pending settlement with a reason; the outcome stays pending and a new"
                    + " settlement may be asked for.")
    @Parameter(name = "id", description = "The settlement request's id.")
    @ApiResponse(
            responseCode = "200",
            description = "The settlement, declined.",
            content = @Content(schema = @Schema(implementation = Settlement.class)))
    @ApiResponse(responseCode = "409", description = "`settlement-not-pending`: decided already.")
    Settlement decline(@PathVariable UUID id, @RequestBody DeclineRequest request, Actor actor) {
        return settlements.decline(id, request.reason(), actor);
    }

    private OutcomeView view(UUID operationId) {
        return OutcomeView.of(
                resolver.find(operationId), settlements.pendingFor(operationId).orElse(null));
    }
}
