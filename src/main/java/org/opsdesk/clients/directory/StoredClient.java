package org.opsdesk.clients.directory;

import java.time.Instant;
import org.opsdesk.clients.ClientContact;

/** A client with who created and last changed them (principal keys such as {@code api_key:<id>}). */
record StoredClient(ClientContact contact, Instant createdAt, String createdBy, String updatedBy) {}
