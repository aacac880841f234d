package org.opsdesk.operations.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AvailableMove;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationCounts;
import org.opsdesk.operations.OperationFilterParameters;
import org.opsdesk.operations.OperationFilters;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.TransitionResult;
import org.opsdesk.operations.approvals.ApprovalResponse;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.workflow.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/operations}: create, read, list, move, assign and edit operations, and read and verify their
 * history. Permissions are per operation type ({@code withdrawal:view}, {@code withdrawal:create}, the
 * transition's own permission, ...) and checked by {@link OperationCommands} and {@link OperationQueries}.
 */
@Tag(name = "Operations")
@RestController
@RequestMapping(path = "/api/v1/operations", produces = "application/json")
class OperationApi {

    private final OperationCommands commands;
    private final OperationQueries queries;
    private final Currencies currencies;
    private final Attributes attributes;
    private final OperationFilters filters;
    private final OperationCounts counts;

    OperationApi(
            OperationCommands commands,
            OperationQueries queries,
            Currencies currencies,
            JsonMapper json,
            OperationFilters filters,
            OperationCounts counts) {
        this.commands = commands;
        this.queries = queries;
        this.filters = filters;
        this.counts = counts;
        this.currencies = currencies;
        this.attributes = new Attributes(json);
    }

    @RequiresPermission("{type}:create")
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "createOperation",
            summary = "Create an operation",
            description =
                    "Creates an operation of a workflow type in the type's initial stage: its reference (unique per"
                            + " type), the subject it concerns, an optional amount and the type's attributes. Answers 201 with"
                            + " the operation, its Location and its version as ETag.")
    @ApiResponse(responseCode = "201", description = "The operation, created.", headers = @Header(name = "ETag"))
    @ApiResponse(
            responseCode = "409",
            description = "`duplicate-reference`: an operation of this type already has this reference (`existingId`).")
    @ApiResponse(
            responseCode = "422",
            description = "`unknown-operation-type`: no workflow of this type; `invalid-input`: a field, the amount or"
                    + " its currency is invalid.")
    ResponseEntity<OperationResponse> create(@Valid @RequestBody OperationRequests.Create request, Actor actor) {
        Money amount = request.amount() == null
                ? null
                : currencies.parse(
                        "amount", request.amount().value(), request.amount().currency());
        var command = new NewOperation(
                request.type(),
                request.reference(),
                request.subject(),
                amount,
                attributes.validated(request.attributes()));
        OperationSnapshot created = commands.create(command, actor);
        return ResponseEntity.created(URI.create("/api/v1/operations/" + created.id()))
                .eTag(IfMatch.etag(created.version()))
                .body(OperationResponse.of(created));
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}")
    @Operation(
            operationId = "getOperation",
            summary = "Read an operation",
            description =
                    "The operation with its stage, status, assignee, amount, attributes and version (also the ETag).")
    @ApiResponse(responseCode = "200", description = "The operation.", headers = @Header(name = "ETag"))
    ResponseEntity<OperationResponse> get(@PathVariable UUID id, Actor actor) {
        return respond(queries.get(id, actor));
    }

    /** Counts by type and canonical status of the types the caller may view, from the maintained counters. */
    @RequiresPermission("{type}:view")
    @GetMapping("/counts")
    @Operation(
            operationId = "countOperations",
            summary = "Count operations by type and status",
            description = "How many operations each type the caller may view holds per canonical status, with totals;"
                    + " read from maintained counters, so cheap to poll.")
    @ApiResponse(
            responseCode = "200",
            description = "The counts.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.OperationCountsBody.class)))
    Map<String, Object> counts(Actor actor) {
        var counts = this.counts.statusCounts(actor);
        var byStatus = new java.util.LinkedHashMap<String, Long>();
        for (Status status : Status.values()) {
            byStatus.put(status.name(), counts.total(status));
        }
        return Map.of("byType", counts.byType(), "byStatus", byStatus, "total", counts.total());
    }

    @RequiresPermission("{type}:view")
    @GetMapping
    @Operation(
            operationId = "listOperations",
            summary = "List operations",
            description = "Operations of the types the caller may view, filtered by the query parameters, in keyset"
                    + " pages (newest first unless `sort` says otherwise).")
    @ApiResponse(
            responseCode = "200",
            description = "A page of operations.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.OperationPage.class)))
    @OperationFilterParameters
    Map<String, Object> list(
            @RequestParam Map<String, String> parameters,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit,
            Actor actor) {
        Keyset.limit(limit);
        var filter = filters.fromParameters(parameters::get, actor);
        var page = queries.list(filter, cursor, limit, actor);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("items", page.items().stream().map(OperationResponse::of).toList());
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    /**
     * {@code 200} with the moved operation, or {@code 202} with the approval request when the move needs
     * four-eyes approval for this operation (it stays in its stage until enough checkers approve).
     * The gate only asks for sight of the type: the exact transition permission is checked on the object, so
     * the refusal names it ("withdrawal:transition:cancelled") and invisible operations stay "not found".
     */
    @RequiresPermission("{type}:view")
    @PostMapping(path = "/{id}/transitions", consumes = "application/json")
    @Operation(
            operationId = "transitionOperation",
            summary = "Move an operation to another stage",
            description =
                    "Takes a move the workflow allows from the current stage. Answers 200 with the moved operation,"
                            + " or 202 with an approval request when the move needs four-eyes approval for this operation (it"
                            + " stays in its stage until enough checkers approve). The transition's own permission (such as"
                            + " `withdrawal:transition:cancelled`) is checked on the operation.")
    @ApiResponse(
            responseCode = "200",
            description = "The operation, moved.",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OperationResponse.class)))
    @ApiResponse(
            responseCode = "202",
            description = "The approval request the move opened; Location is where to follow it.",
            headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = ApprovalResponse.class)))
    @ApiResponse(
            responseCode = "403",
            description = "`permission-denied`: the caller lacks the transition's permission.")
    @ApiResponse(
            responseCode = "409",
            description = "`transition-not-allowed`: the workflow has no such move from the current stage;"
                    + " `approval-already-pending`: the same move already waits for approval.")
    @ApiResponse(
            responseCode = "422",
            description = "`reason-required`: the move needs a reason; `unknown-stage`: no such stage.")
    ResponseEntity<?> transition(
            @PathVariable UUID id,
            @Valid @RequestBody OperationRequests.Transition request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        TransitionResult result = commands.transition(
                id, request.to(), request.reason(), request.comment(), IfMatch.version(ifMatch), actor);
        if (result.approval() != null) {
            return ResponseEntity.accepted()
                    .location(
                            URI.create("/api/v1/approvals/" + result.approval().id()))
                    .eTag(IfMatch.etag(result.operation().version()))
                    .body(ApprovalResponse.of(result.approval()));
        }
        return respond(result.operation());
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}/transitions")
    @Operation(
            operationId = "listAvailableMoves",
            summary = "List the moves available now",
            description = "The moves the workflow allows from the operation's current stage that the caller may take,"
                    + " with whether each needs a reason or approval.")
    @ApiResponse(
            responseCode = "200",
            description = "The available moves.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.AvailableMoves.class)))
    Map<String, List<AvailableMove>> transitions(@PathVariable UUID id, Actor actor) {
        return Map.of("items", queries.availableMoves(id, actor));
    }

    @RequiresPermission("{type}:update")
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            operationId = "editOperationAttributes",
            summary = "Edit an operation's attributes",
            description = "Merges the given attributes into the operation's (JSON merge patch: null removes a field);"
                    + " the change and its reason go into the history.")
    @ApiResponse(responseCode = "200", description = "The operation, edited.", headers = @Header(name = "ETag"))
    ResponseEntity<OperationResponse> editAttributes(
            @PathVariable UUID id,
            @Valid @RequestBody OperationRequests.EditAttributes request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(commands.editAttributes(
                id,
                current -> attributes.merge(current, request.attributes()),
                request.reason(),
                IfMatch.version(ifMatch),
                actor));
    }

    @RequiresPermission("{type}:assign")
    @PutMapping(path = "/{id}/assignee", consumes = "application/json")
    @Operation(
            operationId = "assignOperation",
            summary = "Assign an operation",
            description = "Gives the operation to an operator who may work on its type, or unassigns it (`assignee`"
                    + " absent or null).")
    @ApiResponse(responseCode = "200", description = "The operation, assigned.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "422", description = "`unknown-assignee`: no such operator may work on this type.")
    ResponseEntity<OperationResponse> assign(
            @PathVariable UUID id,
            @Valid @RequestBody OperationRequests.Assign request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(commands.assign(id, request.assignee(), request.reason(), IfMatch.version(ifMatch), actor));
    }

    /** Takes an unassigned operation for the caller; {@code 409 already-assigned} names the current assignee. */
    @RequiresPermission("{type}:claim")
    @PostMapping("/{id}/claim")
    @Operation(
            operationId = "claimOperation",
            summary = "Claim an unassigned operation",
            description = "Assigns the operation to the caller, if nobody has it.")
    @ApiResponse(
            responseCode = "200",
            description = "The operation, now the caller's.",
            headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "409", description = "`already-assigned`: someone has it (named in `detail`).")
    ResponseEntity<OperationResponse> claim(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(commands.claim(id, IfMatch.version(ifMatch), actor));
    }

    /** Gives the operation back to the queue: by its assignee, or by a holder of {@code <type>:assign}. */
    @RequiresPermission("{type}:view")
    @PostMapping("/{id}/release")
    @Operation(
            operationId = "releaseOperation",
            summary = "Release an operation to the queue",
            description = "Unassigns the operation: by its assignee, or by a holder of `<type>:assign`. The body, a"
                    + " reason, is optional.")
    @ApiResponse(responseCode = "200", description = "The operation, unassigned.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "409", description = "`not-assigned`: the operation has no assignee.")
    ResponseEntity<OperationResponse> release(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) OperationRequests.@Nullable Release request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(
                commands.release(id, request == null ? null : request.reason(), IfMatch.version(ifMatch), actor));
    }

    /** {@code 201} with the history entry of kind {@code commented}; needs {@code <type>:comment}. */
    @RequiresPermission("{type}:comment")
    @PostMapping(path = "/{id}/comments", consumes = "application/json")
    @Operation(
            operationId = "commentOnOperation",
            summary = "Comment on an operation",
            description = "Adds a comment to the operation's history, as an entry of kind `commented`.")
    @ApiResponse(responseCode = "201", description = "The history entry of the comment.")
    ResponseEntity<HistoryResponse> comment(
            @PathVariable UUID id, @Valid @RequestBody OperationRequests.Comment request, Actor actor) {
        var entry = commands.comment(id, request.text(), actor);
        return ResponseEntity.created(URI.create("/api/v1/operations/" + id + "/history"))
                .body(HistoryResponse.of(entry));
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}/history")
    @Operation(
            operationId = "getOperationHistory",
            summary = "Read an operation's history",
            description = "Every change of the operation, oldest first, each hash-chained to the one before.")
    @ApiResponse(
            responseCode = "200",
            description = "The history.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.History.class)))
    Map<String, List<HistoryResponse>> history(@PathVariable UUID id, Actor actor) {
        return Map.of(
                "items",
                queries.history(id, actor).stream().map(HistoryResponse::of).toList());
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}/history/verify")
    @Operation(
            operationId = "verifyOperationHistory",
            summary = "Verify an operation's history chain",
            description = "Recomputes the hash chain of the operation's history and says whether it is intact, or where"
                    + " it breaks.")
    ChainVerification verify(@PathVariable UUID id, Actor actor) {
        return queries.verify(id, actor);
    }

    private static ResponseEntity<OperationResponse> respond(OperationSnapshot operation) {
        return ResponseEntity.ok().eTag(IfMatch.etag(operation.version())).body(OperationResponse.of(operation));
    }
}
