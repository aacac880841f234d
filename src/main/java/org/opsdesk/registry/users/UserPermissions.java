package org.opsdesk.registry.users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.opsdesk.shared.InvalidInput;

/** What a user may do on an account, as the institution's app knows it. */
final class UserPermissions {

    static final List<String> ALL = List.of("view", "pay", "pix", "invest", "manage-users");

    private UserPermissions() {}

    /** A comma-separated list of {@link #ALL}, each once, or 422 on {@code field}. */
    static List<String> parse(String field, String typed) {
        var permissions = new ArrayList<String>();
        for (String permission :
                Arrays.stream(typed.split(",")).map(String::strip).toList()) {
            if (!ALL.contains(permission)) {
                throw InvalidInput.of(field, "'" + permission + "' is not one of " + String.join(", ", ALL));
            }
            if (permissions.contains(permission)) {
                throw InvalidInput.of(field, "names '" + permission + "' twice");
            }
            permissions.add(permission);
        }
        return List.copyOf(permissions);
    }

    static final Set<String> STATUSES = Set.of("active", "blocked");
}
