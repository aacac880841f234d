package org.opsdesk.operations.deadletters;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.lifecycle.ProblemMessages;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.MessageSource;
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
 * {@code /operations/dead-letters}, in the administration: the outbox events and timers given up on, each with a
 * form to release it (a reason is required). After a release, a redirect to the page with a notice; after a
 * refusal, the page again with the message beside the item's form.
 */
@Controller
@RequestMapping("/operations/dead-letters")
class DeadLettersController {

    static final String VIEW = "operations/dead-letters";

    private final DeadLetterDesk desk;
    private final ProblemMessages problems;
    private final MessageSource messages;

    DeadLettersController(DeadLetterDesk desk, ProblemMessages problems, MessageSource messages) {
        this.desk = desk;
        this.problems = problems;
        this.messages = messages;
    }

    @RequiresPermission(OperationPermissions.DEAD_LETTERS)
    @GetMapping
    String show(Actor actor, Model model) {
        return render(actor, model, null, null);
    }

    @RequiresPermission(OperationPermissions.DEAD_LETTERS)
    @PostMapping("/{kind}/{id}/release")
    String release(
            @PathVariable String kind,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            DeadLetter released = desk.release(kind, id, reason, actor);
            redirect.addFlashAttribute(
                    "notice", text("deadLetters.released", released.kind(), released.id(), released.operationId()));
            return "redirect:/operations/dead-letters";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            String words = messages.getMessage(
                    "deadLetters.error." + refused.slug(), null, problems.of(refused), LocaleContextHolder.getLocale());
            return render(actor, model, kind + "-" + id, words);
        }
    }

    private String render(Actor actor, Model model, @Nullable String refusedItem, @Nullable String refusal) {
        var held = desk.held(actor);
        boolean listed = java.util.stream.Stream.concat(held.outbox().stream(), held.timers().stream())
                .anyMatch(d -> (d.kind() + "-" + d.id()).equals(refusedItem));
        model.addAttribute("outbox", held.outbox());
        model.addAttribute("timers", held.timers());
        model.addAttribute("shown", DeadLetterDesk.SHOWN);
        // a refusal about an item no longer listed (released meanwhile) shows at the top instead
        model.addAttribute("refusedItem", listed ? refusedItem : null);
        model.addAttribute("refusal", refusal);
        return VIEW;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
