package org.opsdesk.registry.deleted;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.records.Pages;
import org.opsdesk.registry.records.RecordKind;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's deleted records ({@code /registry/deleted}): every soft-deleted registry record, most recently
 * deleted first, with who deleted it, when and why, and — for those holding {@code action:record.restore} — a
 * restore form that posts to the catalog like every action (so the restore is an operation with its history).
 */
@Controller
@RequiresPermission(RegistryPermissions.DELETED)
class DeletedRecordsPage {

    private static final int PAGE = 50;

    private final DeletedRecords deleted;

    DeletedRecordsPage(DeletedRecords deleted) {
        this.deleted = deleted;
    }

    @GetMapping("/registry/deleted")
    String list(@RequestParam(required = false) @Nullable String cursor, Actor actor, Model model) {
        var rows = deleted.page(List.of(RecordKind.values()), Keyset.timeAndId(cursor), PAGE + 1);
        model.addAttribute("rows", Pages.items(rows, PAGE));
        model.addAttribute("next", Pages.next(rows, PAGE, d -> Keyset.cursor(d.deletedAt(), d.id())));
        model.addAttribute("mayRestore", actor.may(ActionDefinition.permissionOf("record.restore")));
        return "registry/deleted";
    }
}
