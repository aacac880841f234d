package org.opsdesk.operations.approvals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalFilter;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.FreeText;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/approvals}: the four-eyes queue and its decisions. Requests are opened by {@code POST
 * /api/v1/operations/{id}/transitions} (answered {@code 202}); checkers holding {@code <type>:approve} approve or
 * decline them here. Requests of types the caller may not view answer 404.
 */
@Tag(name = "Approvals")
@RestController
@RequestMapping(path = "/api/v1/approvals", produces = "application/json")
class ApprovalApi {

    private final Approvals approvals;

    ApprovalApi(Approvals approvals) {
        this.approvals = approvals;
    }

    record Approve(
            @Nullable
                    @Size(max = 4000)
                    @Pattern(
                            regexp = FreeText.COMMENT_PATTERN,
                            message = "no control characters other than line breaks and tabs")
                    String comment) {}

    record Decline(
            @Nullable @Size(max = 2000) @Pattern(regexp = FreeText.REASON_PATTERN, message = "no control characters")
                    String reason) {}

    @RequiresPermission("{type}:view")
    @GetMapping
    @Operation(
            operationId = "listApprovals",
            summary = "List approval requests",
            description = "Approval requests on operations of the types the caller may view, newest first, in keyset"
                    + " pages.")
    @Parameter(
            name = "state",
            description = "Only requests in this state.",
            schema = @Schema(allowableValues = {"pending", "approved", "declined", "void"}))
    @Parameter(
            name = "type",
            description = "Only requests on these operation types, comma-separated.",
            example = "withdrawal")
    @Parameter(name = "mine", description = "Only requests the caller made.")
    @Parameter(
            name = "waitingForMe",
            description = "Only pending requests the caller may still decide (not their own, not yet voted on).")
    @ApiResponse(
            responseCode = "200",
            description = "A page of approval requests.",
            content = @Content(schema = @Schema(implementation = ApprovalSchemas.ApprovalPage.class)))
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean waitingForMe,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") int limit,
            Actor actor) {
        Keyset.limit(limit);
        var filter = new ApprovalFilter(state(state), types(type), mine, waitingForMe);
        var page = approvals.list(filter, cursor, limit, actor);
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.items().stream().map(ApprovalResponse::of).toList());
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/{id}")
    @Operation(
            operationId = "getApproval",
            summary = "Read an approval request",
            description = "The request with the move it asks for, its maker, the approvals so far and its state.")
    ApprovalResponse get(@PathVariable UUID id, Actor actor) {
        return ApprovalResponse.of(approvals.get(id, actor));
    }

    /** {@code 200} with the request: still PENDING (more approvals needed) or APPROVED (the move applied). */
    @RequiresPermission("{type}:approve")
    @PostMapping("/{id}/approve")
    @Operation(
            operationId = "approveApproval",
            summary = "Approve a request",
            description =
                    "Adds the caller's approval, with an optional comment. When enough checkers approved, the move"
                            + " applies and the request is APPROVED; otherwise it stays PENDING.")
    @ApiResponse(responseCode = "200", description = "The request, PENDING or APPROVED.")
    @ApiResponse(
            responseCode = "403",
            description = "`maker-cannot-approve`: the maker cannot decide their own request.")
    @ApiResponse(
            responseCode = "409",
            description = "`already-approved`: the caller approved already; `approval-not-pending`: it was decided;"
                    + " `approval-void`: the request became void — `reasonCode` `operation-moved` (the operation moved"
                    + " on since) or `maker-out-of-standing` (the maker may no longer make the move), words in"
                    + " `voidReason`.")
    ApprovalResponse approve(
            @PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Approve request, Actor actor) {
        return ApprovalResponse.of(approvals.approve(id, request == null ? null : request.comment(), actor));
    }

    /** {@code 200} with the DECLINED request; the operation stays where it is. A reason is required. */
    @RequiresPermission("{type}:approve")
    @PostMapping(path = "/{id}/decline", consumes = "application/json")
    @Operation(
            operationId = "declineApproval",
            summary = "Decline a request",
            description = "Declines the request with a reason; the operation stays where it is.")
    @ApiResponse(responseCode = "200", description = "The request, DECLINED.")
    @ApiResponse(
            responseCode = "403",
            description = "`maker-cannot-approve`: the maker cannot decide their own request.")
    @ApiResponse(
            responseCode = "409",
            description = "`approval-not-pending`: it was decided; `approval-void`: the request is void, the"
                    + " operation moved on since (`reasonCode` `operation-moved`) or it was voided before"
                    + " (`reasonCode` as for approving).")
    ApprovalResponse decline(@PathVariable UUID id, @Valid @RequestBody Decline request, Actor actor) {
        return ApprovalResponse.of(approvals.decline(id, request.reason(), actor));
    }

    private static ApprovalRequest.@Nullable State state(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ApprovalRequest.State.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("state", "'" + value + "' is not one of pending, approved, declined, void");
        }
    }

    private static List<String> types(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        var codes = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String code : codes) {
            if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
                throw InvalidInput.of("type", "'" + code + "' is not a lowercase snake_case code");
            }
        }
        return codes;
    }
}
