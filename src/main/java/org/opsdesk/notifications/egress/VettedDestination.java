package org.opsdesk.notifications.egress;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A destination that passed {@link DestinationGuard#vet}: the URL, and every address its host resolved to at that
 * moment, each checked. A sender connects to one of {@link #addresses()} — never resolves {@link #host()} again —
 * and keeps {@link #host()} for the {@code Host} header, TLS SNI and certificate verification.
 */
public record VettedDestination(URI uri, String host, int port, List<InetAddress> addresses) {

    public VettedDestination {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a vetted destination has at least one address");
        }
    }
}
