package org.opsdesk.registry.parties;

import java.time.Instant;
import java.util.UUID;

/**
 * What persons and companies have alike: their lists order and page by name or creation time, and each is
 * registered under a document no other live party of its kind holds.
 */
interface Party {

    UUID id();

    String name();

    String documentType();

    String documentNumber();

    Instant createdAt();
}
