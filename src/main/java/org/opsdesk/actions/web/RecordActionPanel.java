package org.opsdesk.actions.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionCatalog;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionOutcome;
import org.opsdesk.actions.ActionRequest;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The record pages' panels the catalog owns: the actions this operator may take on the record now, each as a form
 * generated from its declaration, and the record's actions timeline. A form posts through {@link ActionCatalog}
 * exactly as the API does (same checks); a refusal comes back in the form, beside the field it concerns, and a
 * taken action leads to the record page again, which then says what became of it.
 */
@Controller
class RecordActionPanel {

    static final String VIEW = "actions/record-panels";

    /**
     * Reading the records the panels sit on: the record pages are the registry's, and their timeline shows who did
     * what to the record, so it needs what the page needs ({@code RegistryPermissions.READ}, named here because the
     * catalog may not depend on the registry; the authorization matrix checks that the permission exists).
     */
    static final String READ_RECORDS = "registry:read";

    private static final int TIMELINE = 50;

    private final ActionCatalog catalog;
    private final ActionFormErrors errors;

    RecordActionPanel(ActionCatalog catalog, ActionFormErrors errors) {
        this.catalog = catalog;
        this.errors = errors;
    }

    @RequiresPermission("action:*")
    @GetMapping("/records/{kind}/{id}/actions")
    String panel(
            @PathVariable String kind,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable UUID invoked,
            Actor actor,
            Model model) {
        model.addAttribute(
                "invoked",
                invoked == null ? null : catalog.invocation(invoked, actor).orElse(null));
        return panel(kind, id, actor, model, OpenForm.NONE);
    }

    /**
     * One action's form, asked for when its details open on the panel: the panel renders only the buttons. An
     * action the record or the operator no longer allows says so in place of the form.
     */
    @RequiresPermission("action:*")
    @GetMapping("/records/{kind}/{id}/actions/{actionId}/form")
    String form(
            @PathVariable String kind,
            @PathVariable String id,
            @PathVariable String actionId,
            Actor actor,
            Model model) {
        recordAction(kind, actionId);
        var target = catalog.target(kind, id, actor);
        var action = catalog.availableOn(kind, id, actor).stream()
                .filter(available -> available.id().equals(actionId))
                .findFirst()
                .orElse(null);
        if (action == null) {
            return VIEW + " :: unavailable";
        }
        forms(model, kind, id, target, OpenForm.NONE);
        model.addAttribute("action", action);
        return VIEW + " :: action-form";
    }

    /** What became of an invocation just made, for the page the operator lands on after it. */
    @RequiresPermission(RequiresPermission.SIGNED_IN)
    @GetMapping("/records/invocations/{operationId}")
    String notice(@PathVariable UUID operationId, Actor actor, Model model) {
        model.addAttribute("invoked", catalog.invocation(operationId, actor).orElse(null));
        return VIEW + " :: notice";
    }

    @RequiresPermission(READ_RECORDS)
    @GetMapping("/records/{kind}/{id}/timeline")
    String timeline(@PathVariable String kind, @PathVariable String id, Actor actor, Model model) {
        model.addAttribute("entries", catalog.timeline(kind, id, actor, TIMELINE));
        return VIEW + " :: timeline";
    }

    @RequiresPermission("action:*")
    @PostMapping("/records/{kind}/{id}/actions/{actionId}")
    String invoke(
            @PathVariable String kind,
            @PathVariable String id,
            @PathVariable String actionId,
            @RequestParam MultiValueMap<String, String> form,
            @RequestParam(required = false) @Nullable Map<String, MultipartFile> files,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        ActionDefinition action = recordAction(kind, actionId);
        Map<String, String> typed = form.toSingleValueMap();
        ActionOutcome outcome;
        try {
            var input = ActionFormInput.read(action, typed, files == null ? Map.of() : files);
            outcome = catalog.invoke(
                    new ActionRequest(actionId, id, input, typed.get("reason"), typed.get("confirm")), actor);
        } catch (InvalidInput invalid) {
            var target = catalog.target(kind, id, actor);
            var open = new OpenForm(actionId, typed, errors.byField(invalid, target.identifier()), null);
            return refused(kind, id, actor, model, request, response, open);
        } catch (ProblemException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            var open = new OpenForm(actionId, typed, Map.of(), errors.general(refused));
            return refused(kind, id, actor, model, request, response, open);
        }
        String page = recordPage(kind, id) + "?invoked=" + outcome.operation().id();
        if (htmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + page);
            return VIEW + " :: empty";
        }
        return "redirect:" + page;
    }

    private String refused(
            String kind,
            String id,
            Actor actor,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            OpenForm form) {
        String fragment = panel(kind, id, actor, model, form);
        if (htmx(request)) {
            return fragment;
        }
        response.setStatus(form.errors().isEmpty() ? 409 : 422);
        return "actions/record-action";
    }

    private String panel(String kind, String id, Actor actor, Model model, OpenForm form) {
        forms(model, kind, id, catalog.target(kind, id, actor), form);
        model.addAttribute("recordPage", recordPage(kind, id));
        model.addAttribute("actions", catalog.availableOn(kind, id, actor));
        return VIEW + " :: panel";
    }

    /**
     * The form shown open after a refusal: the action's id, what was typed, and the refusal — by field, or in
     * general.
     */
    private record OpenForm(
            @Nullable String action, Map<String, String> typed, Map<String, String> errors, @Nullable String general) {
        static final OpenForm NONE = new OpenForm(null, Map.of(), Map.of(), null);
    }

    /** What the forms render with, on the panel or alone: the record, and the form left open, if any. */
    private static void forms(Model model, String kind, String id, ActionTarget target, OpenForm form) {
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("target", target);
        model.addAttribute("open", form.action());
        model.addAttribute("typed", new LinkedHashMap<>(form.typed()));
        model.addAttribute("errors", form.errors());
        model.addAttribute("general", form.general());
    }

    /** An action the record pages offer on records of this kind (not an endpoint's, not a creation), else 404. */
    private ActionDefinition recordAction(String kind, String actionId) {
        return catalog.find(actionId)
                .filter(d -> !d.isEndpoint() && kind.equals(d.target()) && !d.creates())
                .orElseThrow(() -> new NotFound("action", actionId + " on " + kind));
    }

    /**
     * Where the record is shown: its record page ({@code /accounts/{id}} …), or for a deleted record the deleted
     * records' page, where restoring it is offered.
     */
    static String recordPage(String kind, String id) {
        return kind.equals("deleted-record")
                ? "/registry/deleted"
                : "/" + ActionDefinition.collectionOf(kind) + "/" + id;
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
