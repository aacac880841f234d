package org.opsdesk.platform.web;

import java.io.IOException;

/** Thrown while reading a body that grows past the configured limit (a chunked body has no Content-Length). */
final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
        super("the request body exceeds the limit of " + limit + " bytes");
    }
}
