package org.opsdesk.provider.outcomes;

import org.opsdesk.shared.ProblemException;

/** A callback not signed with the provider's secret (or too old, or without its headers): nothing changes. */
final class SignatureRefused extends ProblemException {

    SignatureRefused() {
        super(
                401,
                "signature-invalid",
                "Signature invalid",
                "the callback's webhook-id, webhook-timestamp and webhook-signature do not verify with the provider's"
                        + " signing secret, or the timestamp is too far from now");
    }
}
