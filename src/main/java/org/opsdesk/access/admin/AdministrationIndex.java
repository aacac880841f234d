package org.opsdesk.access.admin;

import java.util.List;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry.Section;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin}: the sections of the administration this operator may open — {@code access}'s own and those other
 * modules contribute ({@link NavigationContributor}, section {@code ADMINISTRATION}), each with its module's
 * permission. Each section's own handler checks its permission again; this page only spares links that would be
 * refused.
 */
@Controller
class AdministrationIndex {

    private final List<NavigationContributor> contributors;

    AdministrationIndex(List<NavigationContributor> contributors) {
        this.contributors = List.copyOf(contributors);
    }

    @RequiresPermission(RequiresPermission.SIGNED_IN)
    @GetMapping("/admin")
    ModelAndView index(Actor actor) {
        return new ModelAndView("access/admin/index")
                .addObject("sections", NavigationContributor.visible(contributors, Section.ADMINISTRATION, actor::may));
    }
}
