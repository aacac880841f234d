package org.opsdesk.operations.lifecycle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.StaleVersion;
import org.opsdesk.operations.TransitionResult;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operation page, {@code /operations/{id}}: its fields, the moves the operator may take now, assignment,
 * internal comments and the timeline, with placeholders for the panels other modules serve into it ({@link
 * org.opsdesk.operations.OperationPagePanel}: manual notifications, what was sent). Every action posts a form that carries the version
 * the operator saw; with htmx the page answers the refreshed detail (or, on a refusal, only the message beside the
 * control, so what the operator typed stays), without it a redirect after success and the whole page otherwise.
 * The facades decide: nothing here trusts what the page showed.
 */
@Controller
@RequestMapping("/operations/{id}")
class OperationDetailController {

    static final String VIEW = "operations/detail";

    private final OperationDetails details;
    private final OperationCommands commands;
    private final OperationQueries queries;
    private final ProblemMessages messages;

    OperationDetailController(
            OperationDetails details, OperationCommands commands, OperationQueries queries, ProblemMessages messages) {
        this.details = details;
        this.commands = commands;
        this.queries = queries;
        this.messages = messages;
    }

    @RequiresPermission("{type}:view")
    @GetMapping
    String show(@PathVariable UUID id, Actor actor, Model model, HttpServletRequest request) {
        Object notice = model.getAttribute("notice");
        Object refusal = model.getAttribute("refusal");
        Feedback feedback = refusal != null
                ? Feedback.error(String.valueOf(model.getAttribute("refusedControl")), refusal.toString())
                : notice != null ? Feedback.notice(notice.toString()) : Feedback.NONE;
        return render(id, actor, model, feedback, request);
    }

    /** The gate asks for sight of the type; the transition's own permission is checked on the operation. */
    @RequiresPermission("{type}:view")
    @PostMapping("/transitions")
    String transition(
            @PathVariable UUID id,
            @RequestParam String to,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam long version,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> moveSlot(id, to, actor), actor, model, request, response, redirect, () -> {
            TransitionResult result = commands.transition(id, to, reason, null, version, actor);
            return result.applied()
                    ? messages.text("detail.notice.moved", stageWords(to))
                    : messages.text("detail.notice.requested", stageWords(to));
        });
    }

    @RequiresPermission("{type}:claim")
    @PostMapping("/claim")
    String claim(
            @PathVariable UUID id,
            @RequestParam long version,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> "claim", actor, model, request, response, redirect, () -> {
            commands.claim(id, version, actor);
            return messages.text("detail.notice.claimed");
        });
    }

    /** By the assignee, or a holder of {@code <type>:assign}: the facade decides which. */
    @RequiresPermission("{type}:view")
    @PostMapping("/release")
    String release(
            @PathVariable UUID id,
            @RequestParam long version,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> "release", actor, model, request, response, redirect, () -> {
            commands.release(id, null, version, actor);
            return messages.text("detail.notice.released");
        });
    }

    @RequiresPermission("{type}:comment")
    @PostMapping("/comments")
    String comment(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String text,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> "comment", actor, model, request, response, redirect, () -> {
            commands.comment(id, text, actor);
            return messages.text("detail.notice.commented");
        });
    }

    /**
     * Runs an action and answers: after success the refreshed detail (htmx) or a redirect to the page; after a
     * refusal the message beside the control {@code refusedControl} names — alone for htmx, retargeted to the
     * control's slot — or the whole page with it.
     */
    private String act(
            UUID id,
            Supplier<String> refusedControl,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Supplier<String> action) {
        Feedback feedback;
        String control = "";
        try {
            String notice = action.get();
            if (!htmx(request)) {
                redirect.addFlashAttribute("notice", notice);
                return "redirect:/operations/" + id;
            }
            feedback = Feedback.notice(notice);
        } catch (StaleVersion stale) {
            control = refusedControl.get();
            String by = changedBy(id, actor);
            feedback = Feedback.stale(control, messages.text("detail.stale", by), by);
            response.setStatus(htmx(request) ? 200 : stale.status());
        } catch (ProblemException refused) {
            if (refused instanceof NotFound) {
                throw refused; // the operation is gone or hidden: the error page says "not found"
            }
            control = refusedControl.get();
            feedback = Feedback.error(control, messages.of(refused));
            response.setStatus(htmx(request) ? 200 : refused.status());
        }
        if (htmx(request) && feedback.error() != null) {
            response.setHeader("HX-Retarget", "#error-" + control);
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("feedback", feedback);
            model.addAttribute("control", control);
            model.addAttribute("operationId", id);
            return VIEW + " :: problem";
        }
        return render(id, actor, model, feedback, request);
    }

    /**
     * Where a refused move's message goes: beside its button while the page offers the move, else (the operator
     * lost the move meanwhile, or asked for one the page never offered) in the general moves slot, which every
     * operation page has — a retarget to a slot that is not on the page would show nothing.
     */
    private String moveSlot(UUID id, String to, Actor actor) {
        boolean offered;
        try {
            offered = queries.availableMoves(id, actor).stream().anyMatch(m -> m.to().equals(to));
        } catch (NotFound hidden) {
            offered = false;
        }
        return offered && to.matches("[a-z][a-z0-9_]{0,63}") ? "move-" + to : "moves";
    }

    private String render(UUID id, Actor actor, Model model, Feedback feedback, HttpServletRequest request) {
        model.addAttribute("view", details.view(id, actor));
        model.addAttribute("feedback", feedback);
        return htmx(request) ? VIEW + " :: detail" : VIEW;
    }

    /** Who made the latest change: the name a stale refusal gives. */
    private String changedBy(UUID id, Actor actor) {
        List<HistoryEntry> history = queries.history(id, actor);
        return history.isEmpty() ? "" : history.get(history.size() - 1).actorName();
    }

    private String stageWords(String stage) {
        return stage.replace('_', ' ');
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
