package org.opsdesk.bench.load;

import java.io.IOException;
import java.sql.SQLException;

/** One closed-loop client: each step is one request or transaction; it returns 200/201 on success. */
@FunctionalInterface
public interface Worker extends AutoCloseable {

    /** One request; a status other than 200/201, an {@code HttpError} or any exception counts as an error. */
    int step() throws Exception;

    @Override
    default void close() throws IOException, SQLException {}
}
