package org.opsdesk.provider.outcomes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationPagePanel;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.provider.ProviderPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The {@code provider} panel of the operation page (see {@link OperationPagePanel}), for action operations ({@code
 * <family>_action}) whose outcome at the provider was not known when sent: the resolver's state and next check,
 * "Check now" ({@code provider:check}), and the settlement by hand ({@code provider:settle}: ask, or approve /
 * decline another person's request). Empty for other operations and for actions that never waited; "not found" for
 * an operation the caller may not see. A refusal answers only the message slot beside the controls.
 */
@Controller
@RequestMapping("/operations/{id}/panels/provider")
class ProviderOutcomePanel {

    static final String VIEW = "provider/operation-panel";

    private final OperationQueries operations;
    private final OutcomeResolver resolver;
    private final Settlements settlements;
    private final MessageSource messages;

    ProviderOutcomePanel(
            OperationQueries operations, OutcomeResolver resolver, Settlements settlements, MessageSource messages) {
        this.operations = operations;
        this.resolver = resolver;
        this.settlements = settlements;
        this.messages = messages;
    }

    @Bean
    static OperationPagePanel providerOutcomePagePanel() {
        return new OperationPagePanel("provider", OperationPagePanel.Placement.MAIN, 40);
    }

    @RequiresPermission("{type}:view")
    @GetMapping
    String show(@PathVariable UUID id, Actor actor, Model model) {
        if (!operations.get(id, actor).type().endsWith("_action")) {
            return VIEW + " :: nothing";
        }
        try {
            return panel(id, actor, model, null);
        } catch (NotFound never) { // an action that never waited for the provider
            return VIEW + " :: nothing";
        }
    }

    @RequiresPermission(ProviderPermissions.CHECK)
    @PostMapping("/check")
    String check(
            @PathVariable UUID id,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, actor, model, request, response, redirect, () -> {
            operations.get(id, actor);
            var checked = resolver.checkNow(id, actor);
            return text("provider.panel.checked", checked.lastAnswer() == null ? "" : checked.lastAnswer());
        });
    }

    @RequiresPermission(ProviderPermissions.SETTLE)
    @PostMapping("/settle")
    String settle(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String reason,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, actor, model, request, response, redirect, () -> {
            settlements.request(id, outcome, reason, actor);
            return text("provider.panel.settle.requested");
        });
    }

    @RequiresPermission(ProviderPermissions.SETTLE)
    @PostMapping("/approve")
    String approve(
            @PathVariable UUID id,
            @RequestParam UUID settlement,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, actor, model, request, response, redirect, () -> {
            ofThisOperation(id, settlement);
            settlements.approve(settlement, actor);
            return text("provider.panel.settlement.approved");
        });
    }

    @RequiresPermission(ProviderPermissions.SETTLE)
    @PostMapping("/decline")
    String decline(
            @PathVariable UUID id,
            @RequestParam UUID settlement,
            @RequestParam(required = false) @Nullable String reason,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, actor, model, request, response, redirect, () -> {
            ofThisOperation(id, settlement);
            settlements.decline(settlement, reason, actor);
            return text("provider.panel.settlement.declined");
        });
    }

    /** Runs one of the panel's forms: the panel again with its notice, or only the message slot on a refusal. */
    private String act(
            UUID id,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Supplier<String> action) {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        String notice;
        try {
            notice = action.get();
        } catch (ProblemException refused) {
            if (!htmx) {
                throw refused; // without htmx there is no panel to answer into: the error page says it
            }
            response.setHeader("HX-Retarget", "#error-provider");
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("error", message(refused));
            return VIEW + " :: problem";
        }
        if (!htmx) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/operations/" + id;
        }
        return panel(id, actor, model, notice);
    }

    private String panel(UUID id, Actor actor, Model model, @Nullable String notice) {
        var outcome = resolver.find(id);
        var pending = settlements.pendingFor(id).orElse(null);
        model.addAttribute("operationId", id);
        model.addAttribute("outcome", OutcomeView.of(outcome, pending));
        model.addAttribute("mayCheck", actor.may(ProviderPermissions.CHECK) && outcome.pending());
        model.addAttribute("maySettle", actor.may(ProviderPermissions.SETTLE) && outcome.pending());
        model.addAttribute("askedByMe", pending != null && settlements.askedBy(pending.id(), actor));
        model.addAttribute("notice", notice);
        return VIEW + " :: panel";
    }

    private void ofThisOperation(UUID id, UUID settlement) {
        if (settlements.pendingFor(id).filter(s -> s.id().equals(settlement)).isEmpty()) {
            throw new NotFound("settlement", settlement.toString());
        }
    }

    /** A refusal in the operator's language, each refused field by its own sentence. */
    private String message(ProblemException problem) {
        if (problem instanceof InvalidInput invalid) {
            var fields = new StringJoiner(" ");
            invalid.errors()
                    .forEach(e -> fields.add(
                            messages.getMessage("provider.invalid." + e.field(), null, e.message(), locale())));
            return text("provider.error.invalid-input", fields.toString());
        }
        return messages.getMessage("provider.error." + problem.slug(), null, problem.detail(), locale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
