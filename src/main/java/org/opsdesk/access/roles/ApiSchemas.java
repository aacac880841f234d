package org.opsdesk.access.roles;

import java.util.List;
import org.opsdesk.access.permissions.PermissionCatalog.PermissionInfo;

/** The shapes of the answers {@link RoleApi} builds as maps, named for the API description only. */
final class ApiSchemas {

    private ApiSchemas() {}

    /** Every permission the application knows, with what it allows. */
    record PermissionList(List<PermissionInfo> items) {}

    /** Every role, built-in and custom. */
    record RoleList(List<RoleApi.RoleResponse> items) {}
}
