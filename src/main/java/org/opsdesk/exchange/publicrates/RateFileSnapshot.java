package org.opsdesk.exchange.publicrates;

import java.time.Instant;

/**
 * The public rate files rendered for one state of the desk, named by {@code version}: the same version gives the
 * same bytes on every instance, so the {@code ETag}s agree behind a load balancer.
 *
 * @param lastModified the latest change to rates, modes, currency settings, accounts or staleness, whole seconds
 */
record RateFileSnapshot(String version, Instant lastModified, byte[] xml, byte[] csv, byte[] json) {

    String etag(String format) {
        return "\"" + version + "-" + format + "\"";
    }
}
