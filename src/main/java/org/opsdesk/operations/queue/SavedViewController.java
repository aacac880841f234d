package org.opsdesk.operations.queue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Saving the list's current filter and columns as a named view (private, or shared with every operator), and
 * deleting one (see {@link SavedViews} for who may). A refused form shows the list again with the reason beside
 * the field.
 */
@Controller
@RequestMapping("/operations/views")
class SavedViewController {

    private static final String NAME = "[^\\p{Cntrl}]{1,80}";

    private final SavedViews views;
    private final OperationListController list;
    private final MessageSource messages;

    SavedViewController(SavedViews views, OperationListController list, MessageSource messages) {
        this.views = views;
        this.list = list;
        this.messages = messages;
    }

    @RequiresPermission("{type}:view")
    @PostMapping
    String save(
            @RequestParam(required = false, defaultValue = "") String name,
            @RequestParam(required = false, defaultValue = "") String query,
            @RequestParam(name = "column", required = false) @Nullable List<String> columns,
            @RequestParam(required = false, defaultValue = "false") boolean shared,
            Actor actor,
            Model model) {
        var link = ListLink.parse(query);
        String stored = link.without("columns").query();
        List<String> chosen = columns == null
                ? List.of()
                : columns.stream()
                        .filter(OperationListController.COLUMNS::contains)
                        .distinct()
                        .toList();
        if (!name.strip().matches(NAME)) {
            return refused(link, "name", text("views.error.name"), actor, model);
        }
        if (stored.length() > 2000) {
            return refused(link, "query", text("views.error.query"), actor, model);
        }
        views.create(actor, name.strip(), stored, chosen, shared);
        var opened = chosen.isEmpty() ? link : link.with("columns", String.join(",", chosen));
        return "redirect:" + opened.href();
    }

    @RequiresPermission("{type}:view")
    @PostMapping("/delete")
    String delete(
            @RequestParam(required = false, defaultValue = "") String id,
            @RequestParam(required = false, defaultValue = "") String query,
            Actor actor,
            Model model) {
        var link = ListLink.parse(query);
        try {
            views.delete(parseId(id), actor);
        } catch (ProblemException refused) {
            return refused(link, "delete", text("views.error.delete"), actor, model);
        }
        return "redirect:" + link.href();
    }

    private String refused(ListLink link, String field, String message, Actor actor, Model model) {
        list.render(link.values()::get, null, actor, model);
        model.addAttribute("viewErrors", Map.of(field, message));
        return "operations/list";
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("view", id);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
