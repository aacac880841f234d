package org.opsdesk.actions.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionCatalog;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionRequest;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The action catalog's API: the catalog, the actions available on a record now, and invoking one — each invocation
 * an operation of its family ({@code <family>_action}). The gate lets in whoever holds some {@code action:*}; the
 * exact {@code action:<id>} is checked on the action, so a refusal names it.
 */
@Tag(name = "Actions")
@RestController
class ActionApi {

    private final ActionCatalog catalog;
    private final MultipartInvocations uploads;

    ActionApi(ActionCatalog catalog, MultipartInvocations uploads) {
        this.catalog = catalog;
        this.uploads = uploads;
    }

    @RequiresPermission(RequiresPermission.SIGNED_IN)
    @GetMapping(path = "/api/v1/actions", produces = "application/json")
    @Operation(
            operationId = "listActions",
            summary = "List the actions the caller may take",
            description = "The catalog filtered by the caller's permissions: each declared action with its input"
                    + " schema, safeguard, four-eyes policy and whether it acts at the provider, and the existing"
                    + " endpoints listed beside them (`endpoint`) with the permission they check.")
    @ApiResponse(responseCode = "200", description = "The catalog.")
    ActionResponses.ActionList list(Actor actor) {
        return new ActionResponses.ActionList(catalog.invocable(actor).stream()
                .map(ActionResponses.ActionEntry::of)
                .toList());
    }

    @RequiresPermission("action:*")
    @GetMapping(path = "/api/v1/{collection}/{id}/actions", produces = "application/json")
    @Operation(
            operationId = "listRecordActions",
            summary = "List the actions available on a record now",
            description = "The actions the caller may take on this record in its state now (permission held, state"
                    + " among those declared, nothing against it).")
    @ApiResponse(responseCode = "200", description = "The actions available now.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such collection, or a record not visible.")
    ActionResponses.ActionList available(@PathVariable String collection, @PathVariable String id, Actor actor) {
        String kind = kindOf(collection);
        return new ActionResponses.ActionList(catalog.availableOn(kind, id, actor).stream()
                .map(ActionResponses.ActionEntry::of)
                .toList());
    }

    @RequiresPermission("action:*")
    @PostMapping(
            path = "/api/v1/{collection}/{id}/actions/{actionId}",
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            operationId = "invokeAction",
            summary = "Take an action on a record",
            description = "Invokes the action: 201 with its operation (applied, refused, or at the provider), or 202"
                    + " with the approval request it waits on when it needs four-eyes. An irreversible action needs"
                    + " `confirm` equal to the record's identifier.")
    @ApiResponse(responseCode = "201", description = "The invocation's operation.")
    @ApiResponse(responseCode = "202", description = "Waiting for checkers: the operation and its approval request.")
    @ApiResponse(responseCode = "403", description = "`permission-denied`: the caller lacks `action:<id>`.")
    @ApiResponse(
            responseCode = "404",
            description = "`not-found`: unknown collection or action, or a record not visible.")
    @ApiResponse(
            responseCode = "409",
            description = "`action-unavailable`: not available on the record now (the reason says why);"
                    + " `no-provider`: the action acts at the provider and none is configured.")
    @ApiResponse(responseCode = "422", description = "`invalid-input`: every bad field, the reason or `confirm`.")
    ResponseEntity<ActionResponses.Invoked> invoke(
            @PathVariable String collection,
            @PathVariable String id,
            @PathVariable String actionId,
            @Valid @RequestBody ActionRequests.Invoke request,
            Actor actor) {
        return invoked(onRecord(collection, actionId, false), id, request, actor);
    }

    @RequiresPermission("action:*")
    @PostMapping(
            path = "/api/v1/{collection}/{id}/actions/{actionId}",
            consumes = "multipart/form-data",
            produces = "application/json")
    @Operation(
            operationId = "invokeActionWithFiles",
            summary = "Take an action on a record, with files",
            description = "As `invokeAction`, as a multipart form: a part per `upload` field (named as the field), the"
                    + " other fields as a JSON object in the `input` part, and `reason` and `confirm` parts. A file's"
                    + " type is judged by its content, never by the name or the part's content type.")
    @ApiResponse(responseCode = "201", description = "The invocation's operation.")
    @ApiResponse(responseCode = "202", description = "Waiting for checkers: the operation and its approval request.")
    @ApiResponse(
            responseCode = "422",
            description = "`invalid-input`: every bad field, a file too large or of a type the field does not take.")
    ResponseEntity<ActionResponses.Invoked> invokeWithFiles(
            @PathVariable String collection,
            @PathVariable String id,
            @PathVariable String actionId,
            org.springframework.web.multipart.MultipartHttpServletRequest form,
            Actor actor) {
        return invoked(onRecord(collection, actionId, false), id, uploads.read(form), actor);
    }

    @RequiresPermission("action:*")
    @PostMapping(
            path = "/api/v1/{collection}/actions/{actionId}",
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            operationId = "invokeCreatingAction",
            summary = "Take an action that creates a record",
            description = "Invokes an action that creates a record of the collection's kind (such as `account.open`);"
                    + " answers as any action, the new record's id in `target.id` once applied.")
    @ApiResponse(responseCode = "201", description = "The invocation's operation.")
    @ApiResponse(responseCode = "202", description = "Waiting for checkers: the operation and its approval request.")
    ResponseEntity<ActionResponses.Invoked> create(
            @PathVariable String collection,
            @PathVariable String actionId,
            @Valid @RequestBody ActionRequests.Invoke request,
            Actor actor) {
        return invoked(onRecord(collection, actionId, true), null, request, actor);
    }

    @RequiresPermission("action:*")
    @PostMapping(
            path = {"/api/v1/accounts", "/api/v1/persons", "/api/v1/companies"},
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            operationId = "createRegistryRecord",
            summary = "Open an account, create a person or a company",
            description = "The short forms of `account.open`, `person.create` and `company.create`: the body is the"
                    + " action's input with its `reason` beside it (or `{input, reason}`); answers as any action.")
    @ApiResponse(responseCode = "201", description = "The invocation's operation.")
    @ApiResponse(responseCode = "202", description = "Waiting for checkers: the operation and its approval request.")
    ResponseEntity<ActionResponses.Invoked> shortCreate(
            jakarta.servlet.http.HttpServletRequest http, @RequestBody JsonNode body, Actor actor) {
        String collection = http.getRequestURI().substring("/api/v1/".length());
        String kind =
                switch (collection) {
                    case "accounts" -> "account";
                    case "persons" -> "person";
                    default -> "company";
                };
        String actionId = kind + (kind.equals("account") ? ".open" : ".create");
        if (!body.isObject()) {
            throw org.opsdesk.shared.InvalidInput.of("body", "must be a JSON object");
        }
        return invoked(
                catalog.find(actionId)
                        .filter(d -> !d.isEndpoint())
                        .orElseThrow(() -> new NotFound("action", actionId))
                        .id(),
                null,
                shortForm((ObjectNode) body),
                actor);
    }

    @RequiresPermission("action:*")
    @DeleteMapping(path = "/api/v1/{collection}/{id}", produces = "application/json")
    @Operation(
            operationId = "deleteRegistryRecord",
            summary = "Delete a record (its <kind>.delete action)",
            description = "The short form of the collection kind's `<kind>.delete` action, with the reason as a query"
                    + " parameter; a soft delete, answered as any action.")
    @ApiResponse(responseCode = "201", description = "The invocation's operation.")
    @ApiResponse(responseCode = "202", description = "Waiting for checkers: the operation and its approval request.")
    ResponseEntity<ActionResponses.Invoked> delete(
            @PathVariable String collection,
            @PathVariable String id,
            @Parameter(description = "Why the record is deleted (the action's reason).")
                    @RequestParam(required = false)
                    @Nullable
                    String reason,
            @Parameter(description = "For an irreversible delete: the record's identifier, typed to confirm.")
                    @RequestParam(required = false)
                    @Nullable
                    String confirm,
            Actor actor)
            throws HttpRequestMethodNotSupportedException {
        String kind = catalog.kindOfCollection(collection)
                .orElseThrow(() -> new HttpRequestMethodNotSupportedException("DELETE"));
        String actionId = kind + ".delete";
        if (catalog.find(actionId).filter(d -> !d.isEndpoint()).isEmpty()) {
            throw new HttpRequestMethodNotSupportedException("DELETE");
        }
        return invoked(actionId, id, new ActionRequests.Invoke(null, reason, confirm), actor);
    }

    private ActionRequests.Invoke shortForm(ObjectNode body) {
        if (body.has("input")) {
            return new ActionRequests.Invoke(body.get("input"), text(body, "reason"), text(body, "confirm"));
        }
        ObjectNode input = body.deepCopy();
        input.remove("reason");
        input.remove("confirm");
        return new ActionRequests.Invoke(input, text(body, "reason"), text(body, "confirm"));
    }

    private static @Nullable String text(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw org.opsdesk.shared.InvalidInput.of(name, "must be a string");
        }
        org.opsdesk.operations.FreeText.reason(value.asString());
        return value.asString();
    }

    private ResponseEntity<ActionResponses.Invoked> invoked(
            String actionId, @Nullable String id, ActionRequests.Invoke request, Actor actor) {
        var outcome = catalog.invoke(
                new ActionRequest(actionId, id, request.input(), request.reason(), request.confirm()), actor);
        var status = outcome.waitsForApproval() ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status)
                .location(URI.create("/api/v1/operations/" + outcome.operation().id()))
                .body(ActionResponses.Invoked.of(outcome));
    }

    /** The action on a record of the collection's kind (404 when the collection or action is not one). */
    private String onRecord(String collection, String actionId, boolean creates) {
        String kind = kindOf(collection);
        return catalog.find(actionId)
                .filter(d -> !d.isEndpoint() && kind.equals(d.target()) && d.creates() == creates)
                .map(ActionDefinition::id)
                .orElseThrow(() -> new NotFound("action", actionId + " on " + collection));
    }

    private String kindOf(String collection) {
        return catalog.kindOfCollection(collection).orElseThrow(() -> new NotFound("collection", collection));
    }
}
