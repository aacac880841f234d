package org.opsdesk.provider.outcomes;

import org.opsdesk.shared.ProblemException;

/** Why a settlement cannot be asked for or decided now. */
final class SettlementRefused extends ProblemException {

    private SettlementRefused(int status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    static SettlementRefused alreadyPending() {
        return new SettlementRefused(
                409,
                "settlement-already-pending",
                "A settlement is already pending",
                "this outcome already has a settlement waiting for a second person; decide that one first");
    }

    static SettlementRefused notPending(String state) {
        return (SettlementRefused) new SettlementRefused(
                        409, "settlement-not-pending", "Settlement already decided", "this settlement is " + state)
                .with("state", state);
    }

    static SettlementRefused makerCannotApprove() {
        return new SettlementRefused(
                403,
                "maker-cannot-approve",
                "The maker cannot decide their own request",
                "you asked for this settlement, so a different person holding provider:settle must approve it");
    }

    static SettlementRefused voided() {
        return new SettlementRefused(
                409,
                "settlement-void",
                "Settlement void",
                "the provider's outcome became known before the approval; the settlement is void and nothing changed");
    }
}
