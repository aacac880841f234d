package org.opsdesk.operations.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.FreeText;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/dead-letters}: the outbox events and timers given up on after repeated failures, and their
 * release to be tried again (with a reason, recorded in the operation's history). Needs {@code
 * operations:dead-letters}; items on operations of types the caller may not view are not listed and answer 404.
 */
@Tag(name = "Dead letters")
@RestController
@RequestMapping(path = "/api/v1/dead-letters", produces = "application/json")
class DeadLetterApi {

    private final DeadLetterDesk desk;

    DeadLetterApi(DeadLetterDesk desk) {
        this.desk = desk;
    }

    /** The reason for a release. */
    record Release(
            @Nullable
                    @Schema(
                            description = "Why the item can be tried again now (what was fixed); required.",
                            example = "the payout listener's bank mapping is fixed")
                    @Size(max = FreeText.REASON_MAX)
                    @Pattern(regexp = FreeText.REASON_PATTERN, message = "no control characters")
                    String reason) {}

    /** Both kinds, the oldest first, at most {@value DeadLetterDesk#SHOWN} each. */
    record DeadLetterList(
            @Schema(description = "Outbox events not relayed.") List<DeadLetter> outbox,
            @Schema(description = "Timers not fired.") List<DeadLetter> timers) {}

    @RequiresPermission(OperationPermissions.DEAD_LETTERS)
    @GetMapping
    @Operation(
            operationId = "listDeadLetters",
            summary = "List dead letters",
            description = "Outbox events and timers given up on after `opsdesk.scheduling.max-failures` failures in a"
                    + " row, on operations of the types the caller may view: the oldest "
                    + DeadLetterDesk.SHOWN
                    + " of each kind, with their attempts, last error and when they were given up on. An outbox"
                    + " item's `id` is the event's number; a timer's is its operation's id.")
    @ApiResponse(
            responseCode = "200",
            description = "The dead letters.",
            content = @Content(schema = @Schema(implementation = DeadLetterList.class)))
    DeadLetterList list(Actor actor) {
        var held = desk.held(actor);
        return new DeadLetterList(held.outbox(), held.timers());
    }

    @RequiresPermission(OperationPermissions.DEAD_LETTERS)
    @PostMapping(path = "/{kind}/{id}/release", consumes = "application/json")
    @Operation(
            operationId = "releaseDeadLetter",
            summary = "Release a dead letter",
            description = "Clears the item's dead mark and back-off so the outbox relay or the timer poller tries it"
                    + " again at its next poll, and records the release with its reason in the operation's history"
                    + " (kind `dead_letter_released`). Release after fixing the cause: an item that fails again is"
                    + " retried with back-off and dead-lettered anew.")
    @Parameter(name = "kind", description = "The item's kind.", schema = @Schema(allowableValues = {"outbox", "timer"}))
    @Parameter(
            name = "id",
            description = "The outbox event's number (such as `1042`), or the timer's operation id.",
            example = "0b6f9a52-6f4e-4c1f-9a3e-2f5c7d8e9a10")
    @ApiResponse(
            responseCode = "200",
            description = "The dead letter as it was before its release.",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @ApiResponse(responseCode = "422", description = "`reason-required`: a release needs a reason.")
    DeadLetter release(
            @PathVariable String kind, @PathVariable String id, @Valid @RequestBody Release request, Actor actor) {
        return desk.release(kind, id, request.reason(), actor);
    }
}
