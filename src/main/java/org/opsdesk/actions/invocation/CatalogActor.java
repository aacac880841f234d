package org.opsdesk.actions.invocation;

import java.util.HashSet;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;

/** The actors the catalog acts as on its invocations' operations. */
final class CatalogActor {

    /** The catalog itself: the moves after {@code requested}, which only it takes (system transitions). */
    static final Actor CATALOG = Actor.system("action-catalog");

    private CatalogActor() {}

    /**
     * The maker as the catalog vouches for them, having checked {@code action:<id>}: their own permissions plus
     * sight and creation of the family's operations, which the catalog's invocations need and the maker need not
     * hold otherwise. The move to {@code approved} is still judged on what they hold now (operations' MoveRules).
     */
    static Actor vouchedFor(Actor maker, String operationType) {
        var granted = new HashSet<>(maker.permissions().granted());
        granted.add(OperationPermissions.view(operationType));
        granted.add(OperationPermissions.create(operationType));
        return new Actor(maker.kind(), maker.id(), maker.name(), new Permissions(granted), maker.person());
    }
}
