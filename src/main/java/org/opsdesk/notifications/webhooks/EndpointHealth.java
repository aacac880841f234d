package org.opsdesk.notifications.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.delivery.DeliveryAlerts;
import org.opsdesk.notifications.delivery.DeliveryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tracks since when each webhook endpoint has been failing without a success in between, and disables an
 * endpoint that has failed continuously for {@code opsdesk.notifications.disable-failing-endpoints-after}
 * (5 days), with the reason on the endpoint and in its change log.
 */
@Component
class EndpointHealth {

    private static final Logger log = LoggerFactory.getLogger(EndpointHealth.class);

    private final JdbcClient jdbc;
    private final WebhookAdministration webhooks;
    private final DeliveryAlerts alerts;
    private final Duration disableAfter;
    private static final Duration SUCCESS_GRANULARITY = Duration.ofSeconds(10);

    EndpointHealth(
            JdbcClient jdbc,
            WebhookAdministration webhooks,
            DeliveryAlerts alerts,
            @Value("${opsdesk.notifications.disable-failing-endpoints-after:P5D}") Duration disableAfter) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.alerts = alerts;
        this.disableAfter = disableAfter;
    }

    /**
     * A success clears the endpoint's failing streak. Written only when there is a streak to clear or the last
     * recorded success is older than {@link #SUCCESS_GRANULARITY}: every success writing the endpoint's one row
     * would serialize all concurrent deliveries to that endpoint on its row lock until each commit.
     */
    private void recordSuccess(UUID endpointId, Instant now) {
        int cleared = jdbc.sql(
                        """
                        update notifications.endpoint_health set failing_since = null, last_success_at = ?
                        where endpoint_id = ? and (failing_since is not null or last_success_at is null
                            or last_success_at < ?)""")
                .params(utc(now), endpointId, utc(now.minus(SUCCESS_GRANULARITY)))
                .update();
        if (cleared == 0) {
            jdbc.sql(
                            """
                            insert into notifications.endpoint_health (endpoint_id, failing_since, last_success_at)
                            values (?, null, ?) on conflict (endpoint_id) do nothing""")
                    .params(endpointId, utc(now))
                    .update();
        }
    }

    /** Called in the transaction that records an attempt's outcome ({@code sent}, {@code retrying}, ...). */
    void record(UUID endpointId, DeliveryState state, @Nullable String lastError, Instant now) {
        if (state == DeliveryState.SENT) {
            recordSuccess(endpointId, now);
            return;
        }
        if (state != DeliveryState.RETRYING && state != DeliveryState.FAILED) {
            return;
        }
        OffsetDateTime since = jdbc.sql(
                        """
                        insert into notifications.endpoint_health (endpoint_id, failing_since) values (?, ?)
                        on conflict (endpoint_id) do update
                            set failing_since = coalesce(endpoint_health.failing_since, excluded.failing_since)
                        returning failing_since""")
                .params(endpointId, utc(now))
                .query(OffsetDateTime.class)
                .single();
        if (!since.toInstant().plus(disableAfter).isAfter(now)) {
            String reason = "failing continuously since " + since.toInstant() + "; disabled automatically";
            webhooks.disableAutomatically(endpointId, reason).ifPresent(disabled -> {
                log.warn("webhook endpoint {} disabled: {}", endpointId, reason);
                alerts.endpointDisabled(disabled, since.toInstant(), lastError);
            });
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
