package org.opsdesk.provider.outcomes;

import org.opsdesk.shared.ProblemException;

/** Nothing can be asked of a provider while none is configured ({@code opsdesk.provider.base-url}). */
final class ProviderNotConfigured extends ProblemException {

    ProviderNotConfigured() {
        super(409, "provider-not-configured", "No provider configured", "no provider configured");
    }
}
