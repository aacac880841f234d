package org.opsdesk.provider.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.provider.connector.ProviderSettings;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.shared.WebhookSigner;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's callback with an outcome it accepted earlier. No API key: the provider authenticates by signing
 * the body as Standard Webhooks with the shared {@code opsdesk.provider.signing-secret}, checked before the body is
 * even parsed (its own security chain, {@link CallbackSecurity}). A known outcome ends the wait once; the same
 * callback again — a retry, a replay within the tolerance — answers the state as it stands and publishes nothing.
 */
@Tag(name = "Provider")
@RestController
@RequiresPermission(RequiresPermission.ANYONE) // authenticated by the provider's signature, not by a key
class OutcomeCallbackApi {

    static final String PATH = "/api/v1/provider/outcomes";
    static final Actor PROVIDER = Actor.system("provider-callback");

    private final ProviderSettings settings;
    private final WebhookSigner signer;
    private final CallbackBodies bodies;
    private final OutcomeResolver resolver;
    private final Clock clock;

    OutcomeCallbackApi(
            ProviderSettings settings, WebhookSigner signer, JsonMapper json, OutcomeResolver resolver, Clock clock) {
        this.settings = settings;
        this.signer = signer;
        this.bodies = new CallbackBodies(json);
        this.resolver = resolver;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = "application/json", produces = "application/json")
    @SecurityRequirements // no API key: the signature is the authentication
    @Operation(
            operationId = "reportProviderOutcome",
            summary = "Report an action's outcome (provider callback)",
            description = "Called by the provider when an action it accepted is done or failed. Signed as Standard"
                    + " Webhooks: `webhook-signature` is `v1,<base64 HMAC-SHA256 of <webhook-id>.<webhook-timestamp>."
                    + "<body>>` with the key of `opsdesk.provider.signing-secret`, and `webhook-timestamp` within"
                    + " `opsdesk.provider.callback-tolerance` (5 minutes) of now. An outcome already known answers"
                    + " 200 with its state and changes nothing.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = CallbackBodies.Callback.class))))
    @ApiResponse(
            responseCode = "200",
            description = "The outcome's state after the callback.",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @ApiResponse(
            responseCode = "401",
            description = "`signature-invalid`: missing, wrong or expired signature; nothing changed.")
    @ApiResponse(responseCode = "404", description = "No action of this operation waits for the provider.")
    OutcomeView report(
            @Parameter(description = "The message's id (Standard Webhooks), signed with the body.")
                    @RequestHeader(name = "webhook-id", required = false)
                    @Nullable
                    String messageId,
            @Parameter(description = "Unix seconds when the provider signed it.")
                    @RequestHeader(name = "webhook-timestamp", required = false)
                    @Nullable
                    String timestamp,
            @Parameter(description = "`v1,<base64 signature>`, several separated by spaces during a rotation.")
                    @RequestHeader(name = "webhook-signature", required = false)
                    @Nullable
                    String signature,
            @RequestBody byte[] body) {
        String secret = settings.signingSecret();
        if (secret == null
                || !signer.verifies(
                        messageId, timestamp, signature, body, secret, clock.instant(), settings.callbackTolerance())) {
            throw new SignatureRefused();
        }
        var callback = bodies.read(body);
        ProviderAnswer answer = callback.outcome().equals("done")
                ? new ProviderAnswer.Done(callback.result() == null ? Map.of() : callback.result())
                : new ProviderAnswer.Failed(
                        callback.reason() == null ? "the provider gave no reason" : callback.reason());
        UUID operationId = callback.operationId();
        resolver.resolve(operationId, answer, "callback", PROVIDER);
        return OutcomeView.of(resolver.find(operationId), null);
    }
}
