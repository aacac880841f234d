package org.opsdesk.access.roles;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/roles}: roles with their permissions; creating and editing one offers only the permissions the
 * operator holds, and {@link RoleAdministration} refuses anything else (a forged form included).
 */
@Controller
@RequestMapping("/admin/roles")
class RolePages {

    private final RoleAdministration roles;
    private final PermissionCatalog catalog;

    RolePages(RoleAdministration roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.catalog = catalog;
    }

    @RequiresPermission(AccessPermissions.ROLES_VIEW)
    @GetMapping
    ModelAndView list(Actor actor) {
        return listPage(actor);
    }

    @RequiresPermission(AccessPermissions.ROLES_MANAGE)
    @PostMapping
    ModelAndView create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "permissions", required = false) @Nullable List<String> permissions,
            @RequestParam(defaultValue = "false") boolean mfaRequired,
            Actor actor) {
        try {
            if (!name.matches(RoleApi.NAME)) {
                throw InvalidInput.of("name", "2-64 characters: lowercase letters, digits, '_' or '-'");
            }
            var role = roles.create(draft(name, description, permissions, mfaRequired), actor);
            return new ModelAndView("redirect:/admin/roles/" + role.name());
        } catch (ProblemException refused) {
            return listPage(actor)
                    .addObject("problem", refused)
                    .addObject("draftName", name)
                    .addObject("draftDescription", description)
                    .addObject("draftPermissions", permissions == null ? List.of() : permissions);
        }
    }

    @RequiresPermission(AccessPermissions.ROLES_VIEW)
    @GetMapping("/{name}")
    ModelAndView show(@PathVariable String name, Actor actor) {
        return detail(roles.get(name), actor);
    }

    @RequiresPermission(AccessPermissions.ROLES_MANAGE)
    @PostMapping("/{name}")
    ModelAndView update(
            @PathVariable String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "permissions", required = false) @Nullable List<String> permissions,
            @RequestParam(defaultValue = "false") boolean mfaRequired,
            Actor actor) {
        try {
            roles.update(name, draft(name, description, permissions, mfaRequired), actor);
            return new ModelAndView("redirect:/admin/roles/" + name);
        } catch (ProblemException refused) {
            return detail(roles.get(name), actor).addObject("problem", refused);
        }
    }

    /** Deletes a role nobody holds; a built-in role or one still given to operators is refused on its page. */
    @RequiresPermission(AccessPermissions.ROLES_MANAGE)
    @PostMapping("/{name}/delete")
    ModelAndView delete(@PathVariable String name, Actor actor) {
        try {
            roles.delete(name, actor);
            return new ModelAndView("redirect:/admin/roles");
        } catch (ProblemException refused) {
            return detail(roles.get(name), actor).addObject("deleteProblem", refused);
        }
    }

    private static RoleAdministration.RoleDraft draft(
            String name, String description, @Nullable List<String> permissions, boolean mfaRequired) {
        if (description.length() > 500 || description.matches(".*\\p{Cntrl}.*")) {
            throw InvalidInput.of("description", "at most 500 characters, no control characters");
        }
        return new RoleAdministration.RoleDraft(
                name, description.strip(), Set.copyOf(permissions == null ? List.of() : permissions), mfaRequired);
    }

    private ModelAndView listPage(Actor actor) {
        return new ModelAndView("access/admin/roles")
                .addObject("roles", roles.all())
                .addObject("grantable", grantable(actor))
                .addObject("canManage", actor.may(AccessPermissions.ROLES_MANAGE));
    }

    private ModelAndView detail(Role role, Actor actor) {
        boolean editable = actor.may(AccessPermissions.ROLES_MANAGE)
                && !role.name().equals(Role.ADMIN)
                && role.permissions().stream().allMatch(actor::may);
        return new ModelAndView("access/admin/role")
                .addObject("role", role)
                .addObject("grantable", grantable(actor))
                .addObject("canManage", editable)
                .addObject("canDelete", editable && !role.builtIn());
    }

    /** The permissions this operator could give: only those they hold. */
    private List<PermissionCatalog.PermissionGroup> grantable(Actor actor) {
        return PermissionCatalog.grouped(
                catalog.all().stream().filter(p -> actor.may(p.name())).toList());
    }
}
