package org.opsdesk.access.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.access.keys.ApiKeyStore.ApiKeyDetails;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
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
 * {@code /admin/api-keys}: keys newest first (never their secrets), creating one — its secret is on the answer to
 * that POST and nowhere else: not stored, not in the session, and the page's address is replaced so a reload
 * shows the list — and revoking one.
 */
@Controller
@RequestMapping("/admin/api-keys")
class ApiKeyPages {

    static final int PAGE_SIZE = 50;

    /** A key as the list shows it. */
    record KeyRow(ApiKeyDetails key, String state) {}

    private final ApiKeyAdministration administration;
    private final PermissionCatalog catalog;
    private final Clock clock;

    ApiKeyPages(ApiKeyAdministration administration, PermissionCatalog catalog, Clock clock) {
        this.administration = administration;
        this.catalog = catalog;
        this.clock = clock;
    }

    @RequiresPermission(AccessPermissions.APIKEYS_VIEW)
    @GetMapping
    ModelAndView list(@RequestParam(required = false) @Nullable String cursor, Actor actor) {
        return listPage(cursor, actor);
    }

    @RequiresPermission(AccessPermissions.APIKEYS_MANAGE)
    @PostMapping
    ModelAndView create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "permissions", required = false) @Nullable List<String> permissions,
            Actor actor) {
        List<String> chosen = permissions == null ? List.of() : permissions;
        try {
            if (name.isBlank() || name.length() > 100 || name.matches(".*\\p{Cntrl}.*")) {
                throw InvalidInput.of("name", "1-100 characters, no control characters");
            }
            if (chosen.isEmpty()) {
                throw InvalidInput.of("permissions", "give at least one permission");
            }
            var created = administration.create(name.strip(), chosen, null, null, actor);
            return new ModelAndView("access/admin/api-key-created")
                    .addObject("key", created.key())
                    .addObject("secret", created.secret());
        } catch (ProblemException refused) {
            return listPage(null, actor)
                    .addObject("problem", refused)
                    .addObject("draftName", name)
                    .addObject("draftPermissions", chosen);
        }
    }

    @RequiresPermission(AccessPermissions.APIKEYS_MANAGE)
    @PostMapping("/{id}/revoke")
    ModelAndView revoke(@PathVariable UUID id, Actor actor) {
        try {
            administration.revoke(id, actor);
            return new ModelAndView("redirect:/admin/api-keys");
        } catch (ProblemException refused) {
            return listPage(null, actor).addObject("problem", refused).addObject("refusedKey", id);
        }
    }

    private ModelAndView listPage(@Nullable String cursor, Actor actor) {
        var after = Keyset.timeAndId(cursor);
        var page = administration.list(
                after == null ? null : after.at(), after == null ? null : after.id(), PAGE_SIZE + 1);
        Instant now = clock.instant();
        var rows = page.stream()
                .limit(PAGE_SIZE)
                .map(key -> new KeyRow(key, state(key, now)))
                .toList();
        String next = page.size() > PAGE_SIZE
                ? new Keyset.TimeAndId(
                                page.get(PAGE_SIZE - 1).createdAt(),
                                page.get(PAGE_SIZE - 1).id())
                        .cursor()
                : null;
        return new ModelAndView("access/admin/api-keys")
                .addObject("keys", rows)
                .addObject("next", next)
                .addObject(
                        "grantable",
                        PermissionCatalog.grouped(catalog.all().stream()
                                .filter(p -> actor.may(p.name()))
                                .toList()))
                .addObject("canManage", actor.may(AccessPermissions.APIKEYS_MANAGE))
                .addObject("lifetimeDays", administration.defaultLifetime().toDays());
    }

    private static String state(ApiKeyDetails key, Instant now) {
        if (key.revokedAt() != null) {
            return "revoked";
        }
        return key.expiresAt() != null && !key.expiresAt().isAfter(now) ? "expired" : "active";
    }
}
