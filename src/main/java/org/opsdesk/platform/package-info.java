/**
 * What every module runs on and nobody owns: the embedded PostgreSQL for development and demos (durable, and
 * recovering from a killed predecessor), the clock, the application's secret key (the one {@code shared.SecretBox}
 * bean; configured, or generated into the data directory only with the embedded database), and the HTTP conventions
 * of the API: request ids, body size limits, idempotency keys and the one mapping of errors to RFC 9457 problems.
 * Publishes nothing for other modules to call.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.opsdesk.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
