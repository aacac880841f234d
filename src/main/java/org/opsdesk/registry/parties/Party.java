package org.opsdesk.registry.parties;

import java.time.Instant;
import java.util.UUID;

/** What persons and companies are listed by alike: their lists order and page by name or creation time. */
interface Party {

    UUID id();

    String name();

    Instant createdAt();
}
