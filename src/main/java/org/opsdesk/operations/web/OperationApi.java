package org.opsdesk.operations.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AvailableMove;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationCounts;
import org.opsdesk.operations.OperationFilters;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.Operations;
import org.opsdesk.operations.TransitionResult;
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
 * transition's own permission, ...) and checked by {@link Operations}.
 */
@RestController
@RequestMapping(path = "/api/v1/operations", produces = "application/json")
class OperationApi {

    private final Operations operations;
    private final Currencies currencies;
    private final Attributes attributes;
    private final OperationFilters filters;
    private final OperationCounts counts;

    OperationApi(
            Operations operations,
            Currencies currencies,
            JsonMapper json,
            OperationFilters filters,
            OperationCounts counts) {
        this.operations = operations;
        this.filters = filters;
        this.counts = counts;
        this.currencies = currencies;
        this.attributes = new Attributes(json);
    }

    @RequiresPermission("{type}:create")
    @PostMapping(consumes = "application/json")
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
        OperationSnapshot created = operations.create(command, actor);
        return ResponseEntity.created(URI.create("/api/v1/operations/" + created.id()))
                .eTag(IfMatch.etag(created.version()))
                .body(OperationResponse.of(created));
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}")
    ResponseEntity<OperationResponse> get(@PathVariable UUID id, Actor actor) {
        return respond(operations.get(id, actor));
    }

    /** Counts by type and canonical status of the types the caller may view, from the maintained counters. */
    @RequiresPermission("{type}:view")
    @GetMapping("/counts")
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
    Map<String, Object> list(
            @RequestParam Map<String, String> parameters,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit,
            Actor actor) {
        Keyset.limit(limit);
        var filter = filters.fromParameters(parameters::get, actor);
        var page = operations.list(filter, cursor, limit, actor);
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
    ResponseEntity<?> transition(
            @PathVariable UUID id,
            @Valid @RequestBody OperationRequests.Transition request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        TransitionResult result = operations.transition(
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
    Map<String, List<AvailableMove>> transitions(@PathVariable UUID id, Actor actor) {
        return Map.of("items", operations.availableMoves(id, actor));
    }

    @RequiresPermission("{type}:update")
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<OperationResponse> editAttributes(
            @PathVariable UUID id,
            @Valid @RequestBody OperationRequests.EditAttributes request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(operations.editAttributes(
                id,
                current -> attributes.merge(current, request.attributes()),
                request.reason(),
                IfMatch.version(ifMatch),
                actor));
    }

    @RequiresPermission("{type}:assign")
    @PutMapping(path = "/{id}/assignee", consumes = "application/json")
    ResponseEntity<OperationResponse> assign(
            @PathVariable UUID id,
            @Valid @RequestBody OperationRequests.Assign request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(operations.assign(id, request.assignee(), request.reason(), IfMatch.version(ifMatch), actor));
    }

    /** Takes an unassigned operation for the caller; {@code 409 already-assigned} names the current assignee. */
    @RequiresPermission("{type}:claim")
    @PostMapping("/{id}/claim")
    ResponseEntity<OperationResponse> claim(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(operations.claim(id, IfMatch.version(ifMatch), actor));
    }

    /** Gives the operation back to the queue: by its assignee, or by a holder of {@code <type>:assign}. */
    @RequiresPermission("{type}:view")
    @PostMapping("/{id}/release")
    ResponseEntity<OperationResponse> release(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) OperationRequests.@Nullable Release request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        return respond(
                operations.release(id, request == null ? null : request.reason(), IfMatch.version(ifMatch), actor));
    }

    /** {@code 201} with the history entry of kind {@code commented}; needs {@code <type>:comment}. */
    @RequiresPermission("{type}:comment")
    @PostMapping(path = "/{id}/comments", consumes = "application/json")
    ResponseEntity<HistoryResponse> comment(
            @PathVariable UUID id, @Valid @RequestBody OperationRequests.Comment request, Actor actor) {
        var entry = operations.comment(id, request.text(), actor);
        return ResponseEntity.created(URI.create("/api/v1/operations/" + id + "/history"))
                .body(HistoryResponse.of(entry));
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}/history")
    Map<String, List<HistoryResponse>> history(@PathVariable UUID id, Actor actor) {
        return Map.of(
                "items",
                operations.history(id, actor).stream().map(HistoryResponse::of).toList());
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}/history/verify")
    ChainVerification verify(@PathVariable UUID id, Actor actor) {
        return operations.verify(id, actor);
    }

    private static ResponseEntity<OperationResponse> respond(OperationSnapshot operation) {
        return ResponseEntity.ok().eTag(IfMatch.etag(operation.version())).body(OperationResponse.of(operation));
    }
}
