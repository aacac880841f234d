package org.opsdesk.notifications.manual;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.delivery.Delivery;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/operations/{id}/notifications}: the manual notifications an operation's current stage offers,
 * previewed in the recipient's language, and sending one as rendered or edited. The operation page is a thin layer
 * over these. Reading needs sight of the type; sending needs {@code <type>:notify}, checked on the operation itself
 * (types the caller cannot see are "not found").
 */
@Tag(name = "Notifications")
@RestController
@RequestMapping(path = "/api/v1/operations/{id}/notifications", produces = "application/json")
class ManualNotificationApi {

    private final ManualNotifications manual;

    ManualNotificationApi(ManualNotifications manual) {
        this.manual = manual;
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/offers")
    @Operation(
            operationId = "listManualNotificationOffers",
            summary = "List the manual notifications offered",
            description = "The manual notifications the operation's current stage offers, each previewed in the"
                    + " recipient's language, with whether it can be sent now.")
    ManualOffer.Offers offers(@PathVariable UUID id, Actor actor) {
        return manual.offers(id, actor);
    }

    /** {@code 202} with the pending delivery; {@code 409} when the rule is not offered, unavailable or sent. */
    @RequiresPermission("{type}:notify")
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "sendManualNotification",
            summary = "Send a manual notification",
            description = "Sends an offered notification as rendered, or with an edited subject and body. Answers 202"
                    + " with the pending delivery and its Location.")
    @ApiResponse(responseCode = "202", description = "The delivery, queued.", headers = @Header(name = "Location"))
    @ApiResponse(
            responseCode = "409",
            description = "`notification-not-offered`, `notification-unavailable`, `notification-already-sent`:"
                    + " it cannot be sent; `notification-offer-outdated`: the operation moved since the offer.")
    ResponseEntity<Delivery> send(@PathVariable UUID id, @Valid @RequestBody SendRequest request, Actor actor) {
        var edit = new MessageEdit(request.subject(), request.text(), request.html());
        Delivery delivery = manual.send(id, request.ruleId(), request.eventId(), edit, actor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/notifications/" + delivery.id()))
                .body(delivery);
    }

    /**
     * @param eventId the change the offer was for ({@code eventId} of the offers), to refuse a send when the
     *     operation has moved on since the operator looked
     * @param subject the edited subject, text and HTML body; absent ones are sent as rendered
     */
    record SendRequest(
            @NotBlank @Size(max = 100) String ruleId,
            @Nullable UUID eventId,
            @Nullable String subject,
            @Nullable String text,
            @Nullable String html) {}
}
