package org.opsdesk.access;

import org.opsdesk.shared.ProblemException;

/** An administrative change that would break a rule of access control (last admin, role in use, ...): 409. */
public final class AccessConflict extends ProblemException {
    public AccessConflict(String slug, String title, String detail) {
        super(409, slug, title, detail);
    }
}
