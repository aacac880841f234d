package org.opsdesk.notifications.egress;

import org.opsdesk.shared.ProblemException;

/** A webhook destination that must not be called: not https, credentials in it, or a non-public address. */
public final class DestinationRefused extends ProblemException {

    public DestinationRefused(String reason) {
        super(422, "destination-refused", "Destination refused", reason);
    }
}
