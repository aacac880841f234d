package org.opsdesk.operations.approvals;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalFilter;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.Approvals;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.lifecycle.Feedback;
import org.opsdesk.operations.lifecycle.ProblemMessages;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals queue, {@code /approvals}: the pending four-eyes requests the operator may check (not their own,
 * not already approved by them) with the maker, the requested move and the amount, and their own requests still
 * waiting. Approving and declining post here, from the queue or from the operation page; {@link Approvals} refuses
 * the maker, whatever the page showed.
 */
@Controller
class ApprovalsController {

    static final String VIEW = "operations/approvals";
    private static final int SHOWN = 100;

    private final Approvals approvals;
    private final OperationQueries operations;
    private final ProblemMessages messages;

    ApprovalsController(Approvals approvals, OperationQueries operations, ProblemMessages messages) {
        this.approvals = approvals;
        this.operations = operations;
        this.messages = messages;
    }

    /** A row of the queue: the request and the operation it would move (null when no longer visible). */
    public record Row(ApprovalRequest request, @Nullable OperationSnapshot operation) {}

    @RequiresPermission("{type}:view")
    @GetMapping("/approvals")
    String queue(Actor actor, Model model) {
        return render(
                actor,
                model,
                model.getAttribute("notice") == null
                        ? Feedback.NONE
                        : Feedback.notice(String.valueOf(model.getAttribute("notice"))));
    }

    @RequiresPermission("{type}:approve")
    @PostMapping("/approvals/{id}/approve")
    String approve(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String returnTo,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decide("approve-" + id, returnTo, actor, model, response, redirect, () -> {
            var decided = approvals.approve(id, null, actor);
            return decided.state() == ApprovalRequest.State.APPROVED
                    ? messages.text(
                            "approvals.notice.applied", decided.toStage().replace('_', ' '))
                    : messages.text("approvals.notice.approved");
        });
    }

    @RequiresPermission("{type}:approve")
    @PostMapping("/approvals/{id}/decline")
    String decline(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String returnTo,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decide("decline-" + id, returnTo, actor, model, response, redirect, () -> {
            approvals.decline(id, reason, actor);
            return messages.text("approvals.notice.declined");
        });
    }

    private String decide(
            String control,
            @Nullable String returnTo,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Supplier<String> decision) {
        try {
            redirect.addFlashAttribute("notice", decision.get());
            return "redirect:" + safe(returnTo);
        } catch (NotFound hidden) {
            throw hidden;
        } catch (ProblemException refused) {
            String back = safe(returnTo);
            if (!back.equals("/approvals")) { // shown beside the control on the operation page it came from
                redirect.addFlashAttribute("refusedControl", control);
                redirect.addFlashAttribute("refusal", messages.of(refused));
                return "redirect:" + back;
            }
            response.setStatus(refused.status());
            return render(actor, model, Feedback.error(control, messages.of(refused)));
        }
    }

    private String render(Actor actor, Model model, Feedback feedback) {
        var waiting = approvals.list(
                new ApprovalFilter(ApprovalRequest.State.PENDING, List.of(), false, true), null, SHOWN, actor);
        var mine = approvals.list(
                new ApprovalFilter(ApprovalRequest.State.PENDING, List.of(), true, false), null, SHOWN, actor);
        model.addAttribute("waiting", rows(waiting.items(), actor));
        // a refusal about a request the queue does not list (the maker's own, one decided meanwhile) is said on top
        boolean listed = feedback.control() != null
                && waiting.items().stream().anyMatch(r -> feedback.control().endsWith("-" + r.id()));
        model.addAttribute("unlistedError", listed ? null : feedback.error());
        model.addAttribute("mine", rows(mine.items(), actor));
        model.addAttribute("feedback", feedback);
        return VIEW;
    }

    private List<Row> rows(List<ApprovalRequest> requests, Actor actor) {
        return requests.stream().map(r -> new Row(r, operation(r, actor))).toList();
    }

    private @Nullable OperationSnapshot operation(ApprovalRequest request, Actor actor) {
        try {
            return operations.get(request.operationId(), actor);
        } catch (NotFound hidden) {
            return null;
        }
    }

    /** Back to the queue or to an operation page; nowhere else (no open redirect). */
    private static String safe(@Nullable String returnTo) {
        if (returnTo != null && returnTo.matches("/operations/[0-9a-f-]{36}")) {
            return returnTo;
        }
        return "/approvals";
    }
}
