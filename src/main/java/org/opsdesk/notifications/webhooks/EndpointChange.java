package org.opsdesk.notifications.webhooks;

import java.time.Instant;

/**
 * One recorded change of a webhook endpoint: when, what, by whom, and its details as stored (JSON, never a secret).
 */
public record EndpointChange(Instant at, String action, String actorKind, String actorName, String details) {}
