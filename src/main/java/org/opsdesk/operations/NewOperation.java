package org.opsdesk.operations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/**
 * What an integrator or a module asks to create. {@code attributesJson} is a JSON object as text.
 *
 * @param deadline when the initial stage's timer fires, instead of its {@code after} counted from creation — a
 *     module that sets its own deadline (an exchange order's payment window depends on the currency the client
 *     pays in). Null for the workflow's own. Only for an initial stage with a timer, and only in the future.
 */
public record NewOperation(
        String type,
        String reference,
        String subject,
        @Nullable Money amount,
        String attributesJson,
        @Nullable Instant deadline) {

    /** With the workflow's own timer. */
    public NewOperation(String type, String reference, String subject, @Nullable Money amount, String attributesJson) {
        this(type, reference, subject, amount, attributesJson, null);
    }
}
