package org.opsdesk.notifications.manual;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.delivery.Delivery;
import org.opsdesk.operations.OperationPagePanel;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
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
 * The {@code notifications} panel {@code notifications} serves into the operation page (see {@link
 * OperationPagePanel}): the manual notifications its current stage offers — previewed, and sent as rendered or
 * edited through {@link ManualNotifications}, the same as {@code /api/v1/operations/{id}/notifications}. (What was
 * sent about the operation is the {@code deliveries} panel, served by the delivery engine.) An operation the caller
 * may not see is "not found"; the panel is empty for a caller without {@code <type>:notify}. A send answers the
 * panel again with its notice, or only the message beside the refused control, and tells the page ({@code
 * HX-Trigger: notification-sent}) so the deliveries panel reloads.
 */
@Controller
@RequestMapping("/operations/{id}/panels")
class OperationNotificationPanels {

    static final String VIEW = "notifications/operation-panels";
    static final String SENT_EVENT = "notification-sent";

    private final ManualNotifications manual;
    private final OperationQueries operations;
    private final MessageSource messages;

    OperationNotificationPanels(ManualNotifications manual, OperationQueries operations, MessageSource messages) {
        this.manual = manual;
        this.operations = operations;
        this.messages = messages;
    }

    @Bean
    static OperationPagePanel manualNotificationsPanel() {
        return new OperationPagePanel("notifications", OperationPagePanel.Placement.MAIN, 100);
    }

    @RequiresPermission("{type}:view")
    @GetMapping("/notifications")
    String offers(@PathVariable UUID id, Actor actor, Model model) {
        OperationSnapshot operation = operations.get(id, actor);
        if (!actor.may(ManualNotifications.permission(operation.type()))) {
            return VIEW + " :: nothing";
        }
        return manualPanel(id, actor, model, null);
    }

    @RequiresPermission("{type}:notify")
    @PostMapping("/notifications")
    String send(
            @PathVariable UUID id,
            @RequestParam String ruleId,
            @RequestParam(required = false) @Nullable UUID eventId,
            @RequestParam(required = false) @Nullable String text,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        String notice;
        try {
            Delivery sent = manual.send(id, ruleId, eventId, new MessageEdit(null, text, null), actor);
            notice = text("notifications.manual.sent", sent.channel(), sent.recipient());
        } catch (ProblemException refused) {
            if (!htmx) {
                throw refused; // without htmx there is no panel to answer into: the error page says it
            }
            response.setHeader("HX-Retarget", "#error-notify-" + cssId(ruleId));
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("control", "notify-" + cssId(ruleId));
            model.addAttribute("error", message(refused));
            return VIEW + " :: problem";
        }
        if (!htmx) {
            redirect.addFlashAttribute("notice", notice); // the operation page shows it at the top
            return "redirect:/operations/" + id;
        }
        response.setHeader("HX-Trigger", SENT_EVENT);
        return manualPanel(id, actor, model, notice);
    }

    private String manualPanel(UUID id, Actor actor, Model model, @Nullable String notice) {
        model.addAttribute("operationId", id);
        model.addAttribute("offers", manual.offers(id, actor));
        model.addAttribute("notice", notice);
        return VIEW + " :: manual";
    }

    /**
     * A refusal in the operator's language: {@code notifications.error.<slug>}, or the problem's own (English)
     * words where the bundle has none; each refused field by {@code notifications.invalid.<field>}.
     */
    private String message(ProblemException problem) {
        if (problem instanceof InvalidInput invalid) {
            var fields = new StringJoiner(" ");
            invalid.errors()
                    .forEach(e -> fields.add(
                            messages.getMessage("notifications.invalid." + e.field(), null, e.message(), locale())));
            return text("notifications.error.invalid-input", fields.toString());
        }
        Object[] args = {problem.detail(), problem.properties().get("permission")};
        return messages.getMessage("notifications.error." + problem.slug(), args, problem.detail(), locale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    /** A rule id as it appears in element ids (rule ids are already of this alphabet; anything else is dropped). */
    static String cssId(String ruleId) {
        return ruleId.replaceAll("[^A-Za-z0-9_-]", "");
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
