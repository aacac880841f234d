package org.opsdesk.operations.web;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AvailableMove;
import org.opsdesk.operations.ChainVerification;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.Operations;
import org.opsdesk.operations.TransitionResult;
import org.opsdesk.operations.lifecycle.OperationListQuery;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.InvalidInput;
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

    /** {@code ?assignee=me}: the caller's own queue (their {@code Actor.id()}, which claim assigns). */
    private static final String ME = "me";

    private final Operations operations;
    private final Currencies currencies;
    private final Attributes attributes;

    OperationApi(Operations operations, Currencies currencies, JsonMapper json) {
        this.operations = operations;
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

    @RequiresPermission("{type}:view")
    @GetMapping
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String stage,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable String amountMin,
            @RequestParam(required = false) @Nullable String amountMax,
            @RequestParam(required = false) @Nullable String createdFrom,
            @RequestParam(required = false) @Nullable String createdTo,
            @RequestParam(required = false) @Nullable String updatedFrom,
            @RequestParam(required = false) @Nullable String updatedTo,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit,
            Actor actor) {
        Keyset.limit(limit);
        if (unassigned && assignee != null) {
            throw InvalidInput.of("unassigned", "cannot be combined with 'assignee'");
        }
        var filter = new OperationFilter(
                codes("type", type),
                statuses(status),
                codes("stage", stage),
                text("subject", subject),
                ME.equals(assignee) ? actor.id() : text("assignee", assignee),
                unassigned,
                text("reference", reference),
                currency(currency),
                decimal("amountMin", amountMin),
                decimal("amountMax", amountMax),
                instant("createdFrom", createdFrom),
                instant("createdTo", createdTo),
                instant("updatedFrom", updatedFrom),
                instant("updatedTo", updatedTo),
                sort(sort));
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

    private static List<String> codes(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        var codes = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String code : codes) {
            if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
                throw InvalidInput.of(field, "'" + code + "' is not a lowercase snake_case code");
            }
        }
        return codes;
    }

    private static List<Status> statuses(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .map(code -> {
                    try {
                        return Status.valueOf(code.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw InvalidInput.of(
                                "status", "'" + code + "' is not one of PENDING, SUCCESS, ERROR, REJECTED");
                    }
                })
                .toList();
    }

    private static @Nullable String text(String field, @Nullable String value) {
        if (value != null && (value.length() > 128 || !value.matches(OperationRequests.TEXT))) {
            throw InvalidInput.of(field, "at most 128 characters, no control characters");
        }
        return value;
    }

    private @Nullable String currency(@Nullable String value) {
        if (value != null && currencies.find(value).isEmpty()) {
            throw InvalidInput.of("currency", "'" + value + "' is not a known ISO 4217 or configured currency");
        }
        return value;
    }

    private static @Nullable BigDecimal decimal(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("-?\\d{1,30}(\\.\\d{1,18})?")) {
            throw InvalidInput.of(field, "must be a decimal number such as 1000.00");
        }
        return new BigDecimal(value);
    }

    private static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = java.time.OffsetDateTime.parse(value).toInstant();
            if (!OperationListQuery.inRange(instant)) {
                throw InvalidInput.of(field, "must be between the years 1 and 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "must be an ISO-8601 timestamp with offset, such as 2026-11-22T10:00:00Z");
        }
    }

    private static OperationFilter.Sort sort(@Nullable String value) {
        if (value == null) {
            return OperationFilter.Sort.CREATED_DESC;
        }
        return Arrays.stream(OperationFilter.Sort.values())
                .filter(s -> s.code.equals(value))
                .findFirst()
                .orElseThrow(
                        () -> InvalidInput.of("sort", "must be one of -createdAt, createdAt, -updatedAt, updatedAt"));
    }
}
