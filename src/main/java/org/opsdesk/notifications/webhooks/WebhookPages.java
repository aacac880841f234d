package org.opsdesk.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.NotificationPermissions;
import org.opsdesk.notifications.delivery.Delivery;
import org.opsdesk.notifications.delivery.DeliveryService;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/webhooks}: endpoints, registering one (its signing secret shown on that answer only, like a
 * rotated one), and on an endpoint's page editing, enabling, disabling, deleting it, its deliveries newest first
 * with their attempts and last error, resending one and sending a simulated event. Next to {@link
 * NotificationApi}, which serves the same deliveries to the API.
 */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookPages {

    static final int PAGE_SIZE = 50;

    /** What the endpoint form holds, to show it again beside a refusal. */
    record Draft(String url, String description, String ownerEmail, List<String> eventTypes, boolean enabled) {}

    /** The newest changes of an endpoint its page lists. */
    static final int CHANGES_SHOWN = 50;

    private final WebhookAdministration administration;
    private final DeliveryService deliveries;

    WebhookPages(WebhookAdministration administration, DeliveryService deliveries) {
        this.administration = administration;
        this.deliveries = deliveries;
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_VIEW)
    @GetMapping
    ModelAndView list(@RequestParam(required = false) @Nullable String cursor, Actor actor) {
        return listPage(cursor, actor);
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping
    ModelAndView create(
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String ownerEmail,
            @RequestParam(name = "eventTypes", required = false) @Nullable List<String> eventTypes,
            @RequestParam(defaultValue = "false") boolean enabled,
            Actor actor) {
        var draft = new Draft(url, description, ownerEmail, eventTypes == null ? List.of() : eventTypes, enabled);
        try {
            requireValid(draft);
            var created = administration.create(
                    url.strip(), blankToNull(description), ownerEmail, draft.eventTypes(), enabled, actor);
            return secretPage(created);
        } catch (ProblemException refused) {
            return listPage(null, actor).addObject("problem", refused).addObject("draft", draft);
        }
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_VIEW)
    @GetMapping("/{id}")
    ModelAndView show(@PathVariable UUID id, @RequestParam(required = false) @Nullable String cursor, Actor actor) {
        return detail(administration.get(id), cursor, actor);
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}")
    ModelAndView update(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String ownerEmail,
            @RequestParam(name = "eventTypes", required = false) @Nullable List<String> eventTypes,
            @RequestParam(defaultValue = "false") boolean enabled,
            Actor actor) {
        var draft = new Draft(url, description, ownerEmail, eventTypes == null ? List.of() : eventTypes, enabled);
        return attempt(id, "edit", actor, () -> {
            requireValid(draft);
            administration.update(
                    id, url.strip(), blankToNull(description), ownerEmail, draft.eventTypes(), enabled, actor);
            return backTo(id);
        });
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/enable")
    ModelAndView enable(@PathVariable UUID id, Actor actor) {
        return attempt(id, "state", actor, () -> {
            administration.enable(id, actor);
            return backTo(id);
        });
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/disable")
    ModelAndView disable(@PathVariable UUID id, Actor actor) {
        return attempt(id, "state", actor, () -> {
            administration.disable(id, null, actor);
            return backTo(id);
        });
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/delete")
    ModelAndView delete(@PathVariable UUID id, Actor actor) {
        return attempt(id, "state", actor, () -> {
            administration.delete(id, actor);
            return new ModelAndView("redirect:/admin/webhooks");
        });
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/rotate-secret")
    ModelAndView rotateSecret(@PathVariable UUID id, Actor actor) {
        return attempt(id, "state", actor, () -> secretPage(administration.rotateSecret(id, actor))
                .addObject("rotated", true));
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/test")
    ModelAndView simulate(
            @PathVariable UUID id, @RequestParam(defaultValue = StatusChanged.TYPE) String eventType, Actor actor) {
        return attempt(id, "deliveries", actor, () -> {
            deliveries.test(id, eventType);
            return backTo(id);
        });
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/resend")
    ModelAndView resend(@PathVariable UUID id, @RequestParam(defaultValue = "") String delivery, Actor actor) {
        return attempt(id, "deliveries", actor, () -> {
            UUID deliveryId = parse(delivery);
            Delivery found = deliveries.get(deliveryId, actor);
            if (!Delivery.WEBHOOK.equals(found.channel()) || !found.recipient().equals(id.toString())) {
                throw new NotFound("notification", delivery); // not one of this endpoint's
            }
            deliveries.resend(deliveryId, actor);
            return backTo(id);
        });
    }

    /** Runs a change; a refusal is shown on the endpoint's page beside the control that asked for it. */
    private ModelAndView attempt(UUID id, String control, Actor actor, Supplier<ModelAndView> change) {
        try {
            return change.get();
        } catch (ProblemException refused) {
            return detail(administration.get(id), null, actor)
                    .addObject("problem", refused)
                    .addObject("refused", control);
        }
    }

    private static ModelAndView backTo(UUID id) {
        return new ModelAndView("redirect:/admin/webhooks/" + id);
    }

    private ModelAndView secretPage(WebhookAdministration.WithSecret answer) {
        return new ModelAndView("notifications/admin/webhook-secret")
                .addObject("endpoint", answer.endpoint())
                .addObject("secret", answer.secret());
    }

    private ModelAndView listPage(@Nullable String cursor, Actor actor) {
        var after = Keyset.timeAndId(cursor);
        var page = administration.list(
                after == null ? null : after.at(), after == null ? null : after.id(), PAGE_SIZE + 1);
        var items = page.stream().limit(PAGE_SIZE).toList();
        String next = nextCursor(page, WebhookEndpoint::createdAt, WebhookEndpoint::id);
        return new ModelAndView("notifications/admin/webhooks")
                .addObject("endpoints", items)
                .addObject("next", next)
                .addObject("eventTypes", WebhookEventTypes.KNOWN)
                .addObject("canManage", actor.may(NotificationPermissions.WEBHOOKS_MANAGE));
    }

    private ModelAndView detail(WebhookEndpoint endpoint, @Nullable String cursor, Actor actor) {
        var after = Keyset.timeAndId(cursor);
        var page = deliveries.list(
                actor,
                null,
                Delivery.WEBHOOK,
                endpoint.id().toString(),
                null,
                after == null ? null : after.at(),
                after == null ? null : after.id(),
                PAGE_SIZE + 1);
        var items = page.stream().limit(PAGE_SIZE).toList();
        String next = nextCursor(page, Delivery::createdAt, Delivery::id);
        return new ModelAndView("notifications/admin/webhook")
                .addObject("endpoint", endpoint)
                .addObject("deliveries", items)
                .addObject("next", next)
                .addObject("changes", administration.changes(endpoint.id(), CHANGES_SHOWN))
                .addObject("eventTypes", WebhookEventTypes.KNOWN)
                .addObject("simulatedTypes", WebhookEventTypes.SIMULATED)
                .addObject("canManage", actor.may(NotificationPermissions.WEBHOOKS_MANAGE));
    }

    /** The cursor after the page's last item when one more than a page was read, else null. */
    private static <T> @Nullable String nextCursor(List<T> read, Function<T, Instant> at, Function<T, UUID> id) {
        if (read.size() <= PAGE_SIZE) {
            return null;
        }
        T last = read.get(PAGE_SIZE - 1);
        return new Keyset.TimeAndId(at.apply(last), id.apply(last)).cursor();
    }

    private static void requireValid(Draft draft) {
        if (draft.url().isBlank() || draft.url().length() > 2000) {
            throw InvalidInput.of("url", "an https address of at most 2000 characters");
        }
        if (draft.eventTypes().isEmpty()) {
            throw InvalidInput.of("eventTypes", "choose at least one event type");
        }
        if (draft.description().length() > 500 || draft.description().matches(".*\\p{Cntrl}.*")) {
            throw InvalidInput.of("description", "at most 500 characters, no control characters");
        }
        String owner = draft.ownerEmail().strip();
        if (!owner.isEmpty() && (owner.length() > 254 || !owner.matches("[^@\\s]+@[^@\\s]+"))) {
            throw InvalidInput.of("ownerEmail", "an email address");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("delivery", "not a delivery id");
        }
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
