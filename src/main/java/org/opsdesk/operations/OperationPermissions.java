package org.opsdesk.operations;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/**
 * The permissions of operations: per type ({@code <type>:view} …, see {@link #view(String)} and its siblings; each transition's own permission comes from the workflow definition) and the one administrative
 * permissions of the operations list and of the dead letters.
 */
@Component
public final class OperationPermissions implements PermissionContributor {

    /** Delete saved list views that other operators shared with everyone. */
    public static final String VIEWS_MANAGE = "views:manage";

    /**
     * See the outbox events and timers given up on after repeated failures and release them to be tried again
     * (on operations of the types one may view). Administrators only: a dead letter is released after its cause —
     * a failing listener, a broken workflow, bad data — was fixed, which is not the desk's work, and its last error
     * shows the system's internals.
     */
    public static final String DEAD_LETTERS = "operations:dead-letters";

    public static final String VIEW = "view";
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String ASSIGN = "assign";
    public static final String CLAIM = "claim";
    public static final String APPROVE = "approve";
    public static final String NOTIFY = "notify";
    public static final String COMMENT = "comment";

    /** {@code <type>:view}: see operations of that type at all (others are "not found"). */
    public static String view(String type) {
        return type + ":" + OperationPermissions.VIEW;
    }

    public static String create(String type) {
        return type + ":" + OperationPermissions.CREATE;
    }

    public static String update(String type) {
        return type + ":" + OperationPermissions.UPDATE;
    }

    public static String assign(String type) {
        return type + ":" + OperationPermissions.ASSIGN;
    }

    /** Taking an unassigned operation for oneself. */
    public static String claim(String type) {
        return type + ":" + OperationPermissions.CLAIM;
    }

    /** Approving or declining other people's four-eyes requests. */
    public static String approve(String type) {
        return type + ":" + OperationPermissions.APPROVE;
    }

    /** Sending the type's manual notifications (the module that sends them checks it). */
    public static String notify(String type) {
        return type + ":" + OperationPermissions.NOTIFY;
    }

    /** Writing internal comments on the operation's history. */
    public static String comment(String type) {
        return type + ":" + OperationPermissions.COMMENT;
    }

    @Override
    public List<Definition> permissions() {
        return List.of(Definition.of(VIEWS_MANAGE, "supervisor"), Definition.of(DEAD_LETTERS));
    }

    @Override
    public List<String> perTypeActions() {
        return List.of(APPROVE, ASSIGN, CLAIM, COMMENT, CREATE, NOTIFY, UPDATE, VIEW);
    }
}
