package org.opsdesk.operations;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/** What an integrator or a module asks to create. {@code attributesJson} is a JSON object as text. */
public record NewOperation(
        String type, String reference, String subject, @Nullable Money amount, String attributesJson) {}
