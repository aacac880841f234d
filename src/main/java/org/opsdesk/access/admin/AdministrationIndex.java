package org.opsdesk.access.admin;

import java.util.List;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin}: the sections of the administration this operator may open. Each section's own handler checks
 * its permission again; this page only spares links that would be refused.
 */
@Controller
class AdministrationIndex {

    /** A section: its id (message keys {@code admin.section.<id>.*}), address and the permissions that open it. */
    record Section(String id, String href, List<String> permissions) {}

    static final List<Section> SECTIONS = List.of(
            new Section(
                    "operators",
                    "/admin/operators",
                    List.of(AccessPermissions.OPERATORS_VIEW, AccessPermissions.OPERATORS_MANAGE)),
            new Section("roles", "/admin/roles", List.of(AccessPermissions.ROLES_VIEW, AccessPermissions.ROLES_MANAGE)),
            new Section(
                    "apikeys",
                    "/admin/api-keys",
                    List.of(AccessPermissions.APIKEYS_VIEW, AccessPermissions.APIKEYS_MANAGE)),
            new Section("webhooks", "/admin/webhooks", List.of("webhooks:view", "webhooks:manage")),
            new Section("audit", "/admin/security-log", List.of(AccessPermissions.AUDIT_VIEW)));

    @RequiresPermission(RequiresPermission.SIGNED_IN)
    @GetMapping("/admin")
    ModelAndView index(Actor actor) {
        var visible = SECTIONS.stream()
                .filter(s -> s.permissions().stream().anyMatch(actor::may))
                .toList();
        return new ModelAndView("access/admin/index").addObject("sections", visible);
    }
}
