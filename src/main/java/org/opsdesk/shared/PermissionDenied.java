package org.opsdesk.shared;

/** The caller is known but lacks the permission the action names. */
public final class PermissionDenied extends ProblemException {
    public PermissionDenied(String permission) {
        super(403, "permission-denied", "Permission denied", "this action needs the permission '" + permission + "'");
        with("permission", permission);
    }
}
