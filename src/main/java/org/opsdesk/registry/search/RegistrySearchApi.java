package org.opsdesk.registry.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/registry/search?q=}: the console's search box over the registry's live records. */
@Tag(name = "Registry")
@RestController
class RegistrySearchApi {

    private final RegistrySearch search;

    RegistrySearchApi(RegistrySearch search) {
        this.search = search;
    }

    @RequiresPermission(RegistryPermissions.READ)
    @GetMapping(path = "/api/v1/registry/search", produces = "application/json")
    @Operation(
            operationId = "searchRegistry",
            summary = "Search the registry",
            description = "Live persons, companies, accounts and users by document number (CPF, CNPJ, passport …),"
                    + " email, phone (+ and country code), Pix key (the account that holds it), account number, or the"
                    + " start of a name (2 characters at least); at most 50 hits.")
    RegistrySearchResult search(
            @Parameter(
                            description =
                                    "A document number, email, phone (+ and country code), Pix key, account number"
                                            + " or the start of a name")
                    @RequestParam(required = false)
                    @Nullable
                    String q) {
        String typed = Texts.required("q", q, 254);
        if (typed.length() < 2) {
            throw InvalidInput.of("q", "type at least 2 characters");
        }
        return new RegistrySearchResult(search.search(typed).stream()
                .map(hit -> new RegistryHit(hit.kind(), hit.id(), hit.label(), hit.matchedOn()))
                .toList());
    }

    record RegistrySearchResult(List<RegistryHit> items) {}

    /**
     * @param kind {@code person}, {@code company}, {@code account} or {@code user}
     * @param matchedOn the field that matched: {@code documentNumber}, {@code email}, {@code phone}, {@code pixKey},
     *     {@code number} or {@code name}
     */
    record RegistryHit(String kind, UUID id, String label, String matchedOn) {}
}
