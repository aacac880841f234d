package org.opsdesk.notifications.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.egress.DestinationGuard;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.SecretBox;
import org.opsdesk.shared.WebhookSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes and removes webhook endpoints. URLs pass the {@link DestinationGuard} on creation, update
 * and re-enabling; secrets are generated here, sealed with the application key before they reach the database,
 * and returned in plain only by {@link #create} and {@link #rotateSecret}. Every change is recorded in the
 * endpoint change log in the same transaction.
 */
@Service
public class WebhookAdministration {

    /** An endpoint with the secret that no later answer repeats. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {}

    private final WebhookEndpointStore endpoints;
    private final EndpointChangeLog changes;
    private final DestinationGuard guard;
    private final SecretBox box;
    private final Clock clock;
    private final Duration rotationOverlap;

    WebhookAdministration(
            WebhookEndpointStore endpoints,
            EndpointChangeLog changes,
            DestinationGuard guard,
            SecretBox box,
            Clock clock,
            @Value("${opsdesk.webhooks.rotation-overlap:PT24H}") Duration rotationOverlap) {
        if (rotationOverlap.isNegative()) {
            throw new IllegalStateException("opsdesk.webhooks.rotation-overlap must not be negative");
        }
        this.endpoints = endpoints;
        this.changes = changes;
        this.guard = guard;
        this.box = box;
        this.clock = clock;
        this.rotationOverlap = rotationOverlap;
    }

    @Transactional
    public WithSecret create(
            String url,
            @Nullable String description,
            @Nullable String ownerEmail,
            List<String> eventTypes,
            boolean enabled,
            Actor actor) {
        String checkedUrl = guard.checkRegistration("url", url).toString();
        List<String> types = WebhookEventTypes.validate("eventTypes", eventTypes);
        String owner = blankToNull(ownerEmail);
        UUID id = UUID.randomUUID();
        String secret = WebhookSecrets.generate();
        endpoints.insert(
                id, checkedUrl, description, owner, types, enabled, seal(id, secret), actor.principalKey(), now());
        changes.record(id, "created", actor, settings(checkedUrl, description, owner, types, enabled));
        return new WithSecret(get(id), secret);
    }

    @Transactional
    public WebhookEndpoint update(
            UUID id,
            String url,
            @Nullable String description,
            @Nullable String ownerEmail,
            List<String> eventTypes,
            boolean enabled,
            Actor actor) {
        WebhookEndpoint before = locked(id);
        String checkedUrl = guard.checkRegistration("url", url).toString();
        List<String> types = WebhookEventTypes.validate("eventTypes", eventTypes);
        String owner = blankToNull(ownerEmail);
        endpoints.update(id, checkedUrl, description, owner, types, actor.principalKey(), now());
        if (before.enabled() != enabled) {
            endpoints.setEnabled(
                    id, enabled, enabled ? null : "disabled by " + actor.principalKey(), actor.principalKey(), now());
        }
        var details = settings(checkedUrl, description, owner, types, enabled);
        details.put("previousUrl", before.url());
        changes.record(id, "updated", actor, details);
        return get(id);
    }

    @Transactional
    public WebhookEndpoint enable(UUID id, Actor actor) {
        WebhookEndpoint endpoint = locked(id);
        guard.checkRegistration("url", endpoint.url()); // the allowed networks may have changed since
        endpoints.setEnabled(id, true, null, actor.principalKey(), now());
        changes.record(id, "enabled", actor, Map.of());
        return get(id);
    }

    @Transactional
    public WebhookEndpoint disable(UUID id, @Nullable String reason, Actor actor) {
        locked(id);
        String why = reason == null || reason.isBlank() ? "disabled by " + actor.principalKey() : reason;
        endpoints.setEnabled(id, false, why, actor.principalKey(), now());
        changes.record(id, "disabled", actor, Map.of("reason", why));
        return get(id);
    }

    @Transactional
    public void delete(UUID id, Actor actor) {
        WebhookEndpoint endpoint = locked(id);
        endpoints.delete(id);
        changes.record(id, "deleted", actor, Map.of("url", endpoint.url()));
    }

    /** A new secret; the current one keeps verifying (second signature) for the rotation overlap. */
    @Transactional
    public WithSecret rotateSecret(UUID id, Actor actor) {
        locked(id);
        String secret = WebhookSecrets.generate();
        Instant previousExpiresAt = now().plus(rotationOverlap);
        endpoints.rotate(id, seal(id, secret), previousExpiresAt, actor.principalKey(), now());
        changes.record(id, "secret_rotated", actor, Map.of("previousSecretExpiresAt", previousExpiresAt.toString()));
        return new WithSecret(get(id), secret);
    }

    /** The secrets to sign with now, newest first: the current one, and the previous one until it expires. */
    public List<String> signingSecrets(UUID id) {
        var sealed = endpoints.secrets(id).orElseThrow(() -> notFound(id));
        var secrets = new ArrayList<String>();
        secrets.add(open(id, sealed.current()));
        if (sealed.previous() != null
                && sealed.previousExpiresAt() != null
                && sealed.previousExpiresAt().isAfter(now())) {
            secrets.add(open(id, sealed.previous()));
        }
        return secrets;
    }

    /** The enabled endpoints whose subscription covers {@code eventType} ({@code *} or the type itself). */
    public List<WebhookEndpoint> subscribers(String eventType) {
        return endpoints.subscribedTo(eventType);
    }

    /**
     * Disables an endpoint on behalf of the delivery engine, with the reason, and logs it like any change (actor
     * {@code system:webhook-delivery}). Answers the endpoint as disabled, or empty when it was deleted or already
     * disabled — then nothing changed and nobody needs telling again.
     */
    @Transactional
    public Optional<WebhookEndpoint> disableAutomatically(UUID id, String reason) {
        var endpoint = endpoints.lock(id);
        if (endpoint.isEmpty() || !endpoint.get().enabled()) {
            return Optional.empty();
        }
        Actor system = Actor.system("webhook-delivery");
        endpoints.setEnabled(id, false, reason, system.principalKey(), now());
        changes.record(id, "disabled", system, Map.of("reason", reason, "automatic", true));
        return Optional.of(get(id));
    }

    /** Who changed this endpoint how, newest first (kept after the endpoint is deleted). */
    @Transactional(readOnly = true)
    public List<EndpointChange> changes(UUID id, int limit) {
        return changes.recent(id, limit);
    }

    public WebhookEndpoint get(UUID id) {
        return endpoints.find(id).orElseThrow(() -> notFound(id));
    }

    public List<WebhookEndpoint> list(@Nullable Instant beforeCreatedAt, @Nullable UUID beforeId, int limit) {
        return endpoints.list(beforeCreatedAt, beforeId, limit);
    }

    private WebhookEndpoint locked(UUID id) {
        return endpoints.lock(id).orElseThrow(() -> notFound(id));
    }

    private String seal(UUID id, String secret) {
        return box.seal(secret.getBytes(StandardCharsets.US_ASCII), owner(id));
    }

    private String open(UUID id, String sealed) {
        return new String(box.open(sealed, owner(id)), StandardCharsets.US_ASCII);
    }

    /** Associated data of the sealed secrets: a ciphertext copied onto another endpoint does not decrypt. */
    static String owner(UUID id) {
        return "webhook_endpoint:" + id;
    }

    private static Map<String, Object> settings(
            String url,
            @Nullable String description,
            @Nullable String ownerEmail,
            List<String> eventTypes,
            boolean enabled) {
        var details = new LinkedHashMap<String, Object>();
        details.put("url", url);
        details.put("description", description == null ? "" : description);
        details.put("ownerEmail", ownerEmail == null ? "" : ownerEmail);
        details.put("eventTypes", eventTypes);
        details.put("enabled", enabled);
        return details;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant();
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("webhook endpoint", id.toString());
    }
}
