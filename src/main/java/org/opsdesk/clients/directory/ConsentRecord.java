package org.opsdesk.clients.directory;

import java.time.Instant;
import org.opsdesk.clients.Consent;

/** One row of a client's consent history: the consent as reported, and when and by whom it was recorded. */
record ConsentRecord(long id, Consent consent, Instant recordedAt, String recordedBy) {}
