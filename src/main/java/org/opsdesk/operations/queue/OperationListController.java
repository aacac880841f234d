package org.opsdesk.operations.queue;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationCounts;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationFilters;
import org.opsdesk.operations.OperationListPanel;
import org.opsdesk.operations.OperationPage;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's operations list, {@code /operations}: the API's filters from the URL, status tabs from the
 * maintained counters, a keyset-paginated table, saved views, bulk actions with a per-item result, and a poll
 * that announces new operations. htmx requests get the {@code results} fragment; every URL also renders whole.
 */
@Controller
@RequestMapping("/operations")
class OperationListController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final List<String> COLUMNS =
            List.of("reference", "type", "status", "amount", "subject", "assignee", "created", "updated");
    static final List<String> DEFAULT_COLUMNS =
            List.of("reference", "type", "status", "amount", "subject", "assignee", "created");

    private static final List<String> MORE_FILTERS = List.of(
            "reference", "currency", "amountMin", "amountMax", "createdFrom", "createdTo", "updatedFrom", "updatedTo");

    private final OperationQueries operations;
    private final OperationFilters filters;
    private final OperationCounts counts;
    private final Workflows workflows;
    private final SavedViews views;
    private final BulkActions bulk;
    private final MessageSource messages;
    private final Clock clock;
    private final List<OperationListPanel> panels;

    OperationListController(
            OperationQueries operations,
            OperationFilters filters,
            OperationCounts counts,
            Workflows workflows,
            SavedViews views,
            BulkActions bulk,
            MessageSource messages,
            Clock clock,
            List<OperationListPanel> panels) {
        this.operations = operations;
        this.filters = filters;
        this.counts = counts;
        this.workflows = workflows;
        this.views = views;
        this.bulk = bulk;
        this.messages = messages;
        this.clock = clock;
        this.panels = panels.stream()
                .sorted(java.util.Comparator.comparingInt(OperationListPanel::order))
                .toList();
    }

    @RequiresPermission("{type}:view")
    @GetMapping
    String list(
            HttpServletRequest request,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restore,
            Actor actor,
            Model model) {
        render(request::getParameter, request.getParameter("cursor"), actor, model);
        return htmx != null && restore == null ? "operations/list :: results" : "operations/list";
    }

    /** "N new operations — show": those of this filter created after {@code since}, at most 100 looked at. */
    @RequiresPermission("{type}:view")
    @GetMapping("/fresh")
    String fresh(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String since,
            Actor actor,
            Model model) {
        long fresh = 0;
        try {
            Instant after = Instant.parse(since == null ? "" : since).plusNanos(1000);
            OperationFilter f = filters.fromParameters(request::getParameter, actor);
            Instant from = f.createdFrom() == null || f.createdFrom().isBefore(after) ? after : f.createdFrom();
            var newer = new OperationFilter(
                    f.types(),
                    f.statuses(),
                    f.stages(),
                    f.subject(),
                    f.assignee(),
                    f.unassigned(),
                    f.reference(),
                    f.q(),
                    f.currency(),
                    f.amountMin(),
                    f.amountMax(),
                    from,
                    f.createdTo(),
                    f.updatedFrom(),
                    f.updatedTo(),
                    OperationFilter.Sort.CREATED_DESC);
            fresh = operations.list(newer, null, 100, actor).items().size();
        } catch (InvalidInput | DateTimeParseException e) {
            // The poll is a hint: a bad filter is reported by the list itself, not by the banner.
        }
        model.addAttribute("fresh", fresh);
        model.addAttribute("freshHref", ListLink.of(request::getParameter).href());
        return "operations/list :: fresh";
    }

    /** Applies the action to each selected operation separately; the result table says what became of each. */
    @RequiresPermission("{type}:view")
    @PostMapping("/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) @Nullable List<String> ids,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false, defaultValue = "") String query,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Actor actor,
            Model model) {
        List<String> selection = ids == null ? List.of() : ids;
        BulkActions.Action chosen = parseAction(action);
        String error = selection.isEmpty()
                ? "bulk.error.empty"
                : selection.size() > BulkActions.MAX_ITEMS
                        ? "bulk.error.tooMany"
                        : chosen == null
                                ? "bulk.error.action"
                                : chosen == BulkActions.Action.TRANSITION && blank(to)
                                        ? "bulk.error.stage"
                                        : chosen == BulkActions.Action.ASSIGN && blank(assignee)
                                                ? "bulk.error.assignee"
                                                : null;
        if (error != null) {
            model.addAttribute("bulkError", text(error, BulkActions.MAX_ITEMS));
        } else {
            var results = bulk.apply(
                    chosen,
                    selection,
                    to,
                    blank(reason) ? null : reason.strip(),
                    blank(assignee) ? null : assignee.strip(),
                    actor);
            model.addAttribute("bulkResults", results);
            model.addAttribute(
                    "bulkDone",
                    results.stream()
                            .filter(r -> r.outcome() != BulkActions.Outcome.REFUSED)
                            .count());
            model.addAttribute(
                    "bulkRefused",
                    results.stream()
                            .filter(r -> r.outcome() == BulkActions.Outcome.REFUSED)
                            .count());
        }
        model.addAttribute("backHref", ListLink.parse(query).href());
        return htmx != null ? "operations/list :: bulkResult" : "operations/bulk";
    }

    /** Fills the model of the list page for these parameters; also used to show a refused save-view form. */
    void render(Function<String, @Nullable String> parameter, @Nullable String cursor, Actor actor, Model model) {
        var link = ListLink.of(parameter);
        var errors = new LinkedHashMap<String, String>();
        OperationFilter filter = null;
        try {
            filter = filters.fromParameters(parameter, actor);
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), fieldMessage(e.field(), e.message())));
        }
        int limit = limit(link.get("limit"), errors);
        OperationPage page = new OperationPage(List.of(), null);
        if (filter != null && errors.isEmpty()) {
            try {
                page = operations.list(filter, cursor, limit, actor);
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), fieldMessage(e.field(), e.message())));
            }
        }
        var visible = visibleWorkflows(actor);
        model.addAttribute("link", link);
        model.addAttribute("query", link.without("columns").query());
        model.addAttribute("values", link.values());
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("nextHref", page.nextCursor() == null ? null : link.hrefAfter(page.nextCursor()));
        model.addAttribute("firstHref", cursor == null ? null : link.href());
        model.addAttribute("tabs", StatusTabs.of(counts.statusCounts(actor), filter, link));
        model.addAttribute("chips", link.chips());
        model.addAttribute("columns", columns(link.get("columns")));
        model.addAttribute("allColumns", COLUMNS);
        model.addAttribute(
                "types", visible.stream().map(WorkflowDefinition::type).sorted().toList());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("sorts", OperationFilter.Sort.values());
        model.addAttribute("stages", stages(visible, filter));
        model.addAttribute("views", views.visibleTo(actor));
        model.addAttribute("now", clock.instant());
        // controls other modules serve for this filter (Export CSV), each deciding itself whether to show
        model.addAttribute("listPanels", panels);
        model.addAttribute("maxItems", BulkActions.MAX_ITEMS);
        model.addAttribute("actor", actor);
        model.addAttribute("moreFiltersOpen", MORE_FILTERS.stream().anyMatch(link.values()::containsKey));
        String filterQuery = link.without("columns").without("limit").query();
        model.addAttribute(
                "freshUrl",
                "/operations/fresh?" + (filterQuery.isEmpty() ? "" : filterQuery + "&") + "since=" + clock.instant());
    }

    private List<WorkflowDefinition> visibleWorkflows(Actor actor) {
        return workflows.all().stream()
                .filter(w -> actor.may(OperationPermissions.view(w.type())))
                .toList();
    }

    /** The stages a bulk move may go to: those of the filtered types, or of every visible type. */
    private static List<String> stages(List<WorkflowDefinition> visible, @Nullable OperationFilter filter) {
        return visible.stream()
                .filter(w -> filter == null
                        || filter.types().isEmpty()
                        || filter.types().contains(w.type()))
                .flatMap(w -> w.stages().stream())
                .map(Stage::code)
                .distinct()
                .sorted()
                .toList();
    }

    private int limit(@Nullable String value, Map<String, String> errors) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("limit", text("list.invalid.limit", MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static List<String> columns(@Nullable String value) {
        if (value == null) {
            return DEFAULT_COLUMNS;
        }
        var chosen = new ArrayList<String>();
        for (String column : value.split(",")) {
            if (COLUMNS.contains(column.strip()) && !chosen.contains(column.strip())) {
                chosen.add(column.strip());
            }
        }
        if (!chosen.contains("reference")) {
            chosen.add(0, "reference"); // the link to the detail, and what Enter opens
        }
        return chosen;
    }

    private static BulkActions.@Nullable Action parseAction(@Nullable String action) {
        for (BulkActions.Action candidate : BulkActions.Action.values()) {
            if (candidate.name().equalsIgnoreCase(action == null ? "" : action)) {
                return candidate;
            }
        }
        return null;
    }

    private String fieldMessage(String field, String english) {
        return messages.getMessage("list.invalid." + field, null, english, LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
