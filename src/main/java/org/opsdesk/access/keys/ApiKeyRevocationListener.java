package org.opsdesk.access.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hears revocations from every node (PostgreSQL {@code LISTEN}/{@code NOTIFY}) and evicts the key from this
 * node's {@link ApiKeyCache}; a change of an operator's roles or status or of a role's permissions empties it. While the listening connection is down the cache is switched off, so a missed
 * notification can never keep a revoked key alive.
 */
public final class ApiKeyRevocationListener implements SmartLifecycle {

    public static final String CHANNEL = "opsdesk_api_key_revoked";
    /** The notice's payload when an operator or a role changed (sent by database triggers): forget every key. */
    public static final String EVERY_KEY = "*";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRevocationListener.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final ApiKeyCache cache;
    private volatile boolean running;
    private Thread thread;

    public ApiKeyRevocationListener(DataSource dataSource, ApiKeyCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "api-key-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        cache.revocationsHeard(false);
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                cache.revocationsHeard(true);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            evict(notification.getParameter());
                        }
                    }
                    if (!connection.isValid(2)) {
                        throw new SQLException("the listening connection is no longer valid");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.revocationsHeard(false);
                if (running) {
                    log.warn(
                            "Not hearing API key revocations ({}); the key cache is off until reconnected",
                            e.toString());
                    pause();
                }
            }
        }
    }

    private void evict(String payload) {
        if (EVERY_KEY.equals(payload)) {
            cache.evictAll();
            return;
        }
        try {
            cache.evict(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a revocation notice with a malformed key id: {}", payload);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
