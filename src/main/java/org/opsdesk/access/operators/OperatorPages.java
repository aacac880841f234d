package org.opsdesk.access.operators;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.access.roles.RoleAdministration;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.ProblemException.FieldError;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/operators}: operators in pages by username, creating one with roles, and on an operator's page
 * editing name, language and roles, disabling and enabling, resetting the password and two-step verification.
 * {@link OperatorAdministration} checks every rule (escalation, yourself, the last admin); a refusal is shown
 * beside the control that asked.
 */
@Controller
@RequestMapping("/admin/operators")
class OperatorPages {

    static final int PAGE_SIZE = 50;
    static final List<String> LOCALES = List.of("en", "pt-BR", "nl", "pl");

    private final OperatorAdministration administration;
    private final RoleAdministration roles;
    private final Clock clock;

    OperatorPages(OperatorAdministration administration, RoleAdministration roles, Clock clock) {
        this.clock = clock;
        this.administration = administration;
        this.roles = roles;
    }

    @RequiresPermission(AccessPermissions.OPERATORS_VIEW)
    @GetMapping
    ModelAndView list(@RequestParam(required = false) @Nullable String after, Actor actor) {
        return listPage(after, actor);
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping
    ModelAndView create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "en") String locale,
            @RequestParam(name = "roles", required = false) @Nullable List<String> chosen,
            Actor actor) {
        List<String> roleNames = chosen == null ? List.of() : chosen;
        try {
            requireValid(username, displayName, locale, roleNames);
            var draft = new OperatorAdministration.OperatorDraft(
                    displayName.strip(), email.isBlank() ? null : email.strip(), null, locale, roleNames);
            var created = administration.create(username, password, draft, actor);
            return new ModelAndView("redirect:/admin/operators/" + created.username());
        } catch (ProblemException refused) {
            return listPage(null, actor)
                    .addObject("problem", refused)
                    .addObject("draftUsername", username)
                    .addObject("draftDisplayName", displayName)
                    .addObject("draftEmail", email)
                    .addObject("draftLocale", locale)
                    .addObject("draftRoles", roleNames);
        }
    }

    @RequiresPermission(AccessPermissions.OPERATORS_VIEW)
    @GetMapping("/{username}")
    ModelAndView show(@PathVariable String username, Actor actor) {
        return detail(administration.get(username), actor);
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}")
    ModelAndView update(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "en") String locale,
            @RequestParam(name = "roles", required = false) @Nullable List<String> chosen,
            Actor actor) {
        return attempt(username, "edit", actor, () -> {
            requireValid(username, displayName, locale, chosen == null ? List.of() : chosen);
            administration.update(
                    username,
                    new OperatorAdministration.OperatorDraft(displayName.strip(), null, null, locale, chosen),
                    actor);
            return backTo(username);
        });
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/disable")
    ModelAndView disable(@PathVariable String username, Actor actor) {
        return attempt(username, "state", actor, () -> {
            administration.disable(username, actor);
            return backTo(username);
        });
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/enable")
    ModelAndView enable(@PathVariable String username, Actor actor) {
        return attempt(username, "state", actor, () -> {
            administration.enable(username, actor);
            return backTo(username);
        });
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/reset-mfa")
    ModelAndView resetMfa(@PathVariable String username, Actor actor) {
        return attempt(username, "mfa", actor, () -> {
            administration.resetMfa(username, actor);
            return backTo(username);
        });
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/unlock")
    ModelAndView unlock(@PathVariable String username, Actor actor) {
        return attempt(username, "state", actor, () -> {
            administration.unlock(username, actor);
            return backTo(username);
        });
    }

    /** A generated temporary password, shown on this answer only. */
    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/reset-password")
    ModelAndView resetPassword(@PathVariable String username, Actor actor) {
        return attempt(username, "password", actor, () -> {
            var reset = administration.resetPassword(username, null, actor);
            return detail(reset.operator(), actor).addObject("temporaryPassword", reset.temporaryPassword());
        });
    }

    /** Runs a change; a refusal is shown on the operator's page beside the control that asked for it. */
    private ModelAndView attempt(String username, String control, Actor actor, Supplier<ModelAndView> change) {
        try {
            return change.get();
        } catch (ProblemException refused) {
            return detail(administration.get(username), actor)
                    .addObject("problem", refused)
                    .addObject("refused", control);
        }
    }

    private static ModelAndView backTo(String username) {
        return new ModelAndView("redirect:/admin/operators/" + username);
    }

    private ModelAndView listPage(@Nullable String after, Actor actor) {
        var page = administration.list(after, PAGE_SIZE + 1, false);
        var items = page.stream().limit(PAGE_SIZE).toList();
        return new ModelAndView("access/admin/operators")
                .addObject("operators", items)
                .addObject(
                        "next",
                        page.size() > PAGE_SIZE ? items.get(PAGE_SIZE - 1).username() : null)
                .addObject("roles", roles.all())
                .addObject("locales", LOCALES)
                .addObject("canManage", actor.may(AccessPermissions.OPERATORS_MANAGE));
    }

    private ModelAndView detail(Operator operator, Actor actor) {
        return new ModelAndView("access/admin/operator")
                .addObject("operator", operator)
                .addObject("roles", roles.all())
                .addObject("locales", LOCALES)
                .addObject(
                        "self",
                        actor.kind() == Actor.Kind.OPERATOR && actor.id().equals(operator.username()))
                .addObject("lockedUntil", lockedUntil(operator))
                .addObject("canManage", actor.may(AccessPermissions.OPERATORS_MANAGE) && !operator.deleted());
    }

    /** The end of the account's own lock while it runs; per-address locks are lifted by the same button. */
    private @Nullable Instant lockedUntil(Operator operator) {
        var until = operator.lockedUntil();
        return until != null && until.isAfter(clock.instant()) ? until : null;
    }

    /** The checks the API makes with bean validation, for the form. */
    private static void requireValid(String username, String displayName, String locale, List<String> roles) {
        var errors = new ArrayList<FieldError>();
        if (!username.matches(OperatorApi.USERNAME)) {
            errors.add(new FieldError("username", "3-64 characters: lowercase letters, digits, '.', '_' or '-'"));
        }
        if (displayName.isBlank() || displayName.length() > 128 || displayName.matches(".*\\p{Cntrl}.*")) {
            errors.add(new FieldError("displayName", "1-128 characters, no control characters"));
        }
        if (!LOCALES.contains(locale)) {
            errors.add(new FieldError("locale", "one of en, pt-BR, nl, pl"));
        }
        if (roles.isEmpty() || roles.size() > 20) {
            errors.add(new FieldError("roles", "give between 1 and 20 roles"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
