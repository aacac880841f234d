package org.opsdesk.actions;

import org.opsdesk.shared.ProblemException;

/** The action acts at the provider and none is configured (the embedded demo): refused, never pretended. */
public final class NoProviderConfigured extends ProblemException {

    public NoProviderConfigured(String actionId) {
        super(
                409,
                "no-provider",
                "No provider configured",
                "no provider configured: '" + actionId + "' is carried out at the payment institution, and this"
                        + " Opsdesk has none configured; nothing was done");
    }
}
