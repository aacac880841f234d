package org.opsdesk.registry.search;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's registry search ({@code /registry}): one box across document numbers, names, emails, phones, Pix
 * keys and account numbers, each hit linking to its record page. The query lives in the URL, so a search is a link.
 */
@Controller
@RequiresPermission(RegistryPermissions.READ)
class RegistrySearchPage {

    /** The longest query taken (an email's length); a longer one is refused with a message beside the box. */
    private static final int MAX = 254;

    private final RegistrySearch search;

    RegistrySearchPage(RegistrySearch search) {
        this.search = search;
    }

    /** A hit with its record page. */
    record Row(String kind, String href, String label, String matchedOn) {}

    @GetMapping("/registry")
    String search(@RequestParam(required = false) @Nullable String q, Model model) {
        String typed = q == null ? "" : q.strip();
        model.addAttribute("q", typed);
        if (typed.isEmpty()) {
            model.addAttribute("rows", null);
        } else if (typed.length() < 2 || typed.length() > MAX || typed.chars().anyMatch(Character::isISOControl)) {
            model.addAttribute("rows", null);
            model.addAttribute("invalid", true);
        } else {
            model.addAttribute("rows", rows(search.search(typed)));
        }
        return "registry/search";
    }

    private static List<Row> rows(List<RegistrySearch.Hit> hits) {
        return hits.stream()
                .map(hit -> new Row(hit.kind(), href(hit), hit.label(), hit.matchedOn()))
                .toList();
    }

    private static String href(RegistrySearch.Hit hit) {
        return switch (hit.kind()) {
            case "person" -> "/persons/" + hit.id();
            case "company" -> "/companies/" + hit.id();
            case "user" -> "/users/" + hit.id();
            default -> "/accounts/" + hit.id();
        };
    }
}
