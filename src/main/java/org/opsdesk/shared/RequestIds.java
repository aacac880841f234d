package org.opsdesk.shared;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** The id of the HTTP request being served, kept in the logging context so logs and history can name it. */
public final class RequestIds {
    public static final String MDC_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {}

    public static @Nullable String current() {
        return MDC.get(MDC_KEY);
    }
}
