package org.opsdesk.access.signin;

import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The operator's own account page: who you are, your roles, MFA, and signing out (the dashboard is at "/"). */
@Controller
class StartPageController {

    private final OperatorStore operators;

    StartPageController(OperatorStore operators) {
        this.operators = operators;
    }

    @GetMapping("/account")
    @RequiresPermission(RequiresPermission.SIGNED_IN)
    ModelAndView start(Actor actor) {
        var operator = operators.find(actor.id()).orElseThrow(() -> new NotFound("operator", actor.id()));
        return new ModelAndView("access/start").addObject("operator", operator);
    }
}
