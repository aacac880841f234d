package org.opsdesk.registry.parties;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.records.Pages;
import org.opsdesk.registry.records.PartyListing;
import org.opsdesk.registry.records.RegistryAmount;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/persons} and {@code /companies}: the registry's parties, newest first in keyset pages. Creating
 * and changing them are actions ({@code person.create}, {@code person.update} …), served by the action catalog.
 */
@Tag(name = "Registry")
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@RequiresPermission(RegistryPermissions.READ)
class PartyApi {

    private final PersonStore persons;
    private final CompanyStore companies;

    PartyApi(PersonStore persons, CompanyStore companies) {
        this.persons = persons;
        this.companies = companies;
    }

    @GetMapping("/persons")
    @Operation(
            operationId = "listPersons",
            summary = "List persons",
            description = "Live persons, newest first, in keyset pages; filtered by a name prefix (any case) or an"
                    + " exact document number (a CPF as its 11 digits).")
    PersonPage persons(
            @Parameter(description = "The start of the name, in any case") @RequestParam(required = false) @Nullable
                    String name,
            @Parameter(description = "The document number, exactly (punctuation ignored)")
                    @RequestParam(required = false)
                    @Nullable
                    String documentNumber,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        var page = listed(persons, name, documentNumber, cursor, limit);
        return new PersonPage(page.items(PersonResponse::of), page.nextCursor());
    }

    @GetMapping("/persons/{id}")
    @Operation(operationId = "getPerson", summary = "Read a person", description = "A live person; 404 otherwise.")
    PersonResponse person(@PathVariable String id) {
        return Texts.pathId(id)
                .flatMap(persons::find)
                .map(PersonResponse::of)
                .orElseThrow(() -> new NotFound("person", id));
    }

    @GetMapping("/companies")
    @Operation(
            operationId = "listCompanies",
            summary = "List companies",
            description = "Live companies, newest first, in keyset pages; filtered by a name prefix (any case) or an"
                    + " exact document number (a CNPJ as its 14 characters).")
    CompanyPage companies(
            @Parameter(description = "The start of the name, in any case") @RequestParam(required = false) @Nullable
                    String name,
            @Parameter(description = "The document number, exactly (punctuation ignored)")
                    @RequestParam(required = false)
                    @Nullable
                    String documentNumber,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        var page = listed(companies, name, documentNumber, cursor, limit);
        return new CompanyPage(page.items(CompanyResponse::of), page.nextCursor());
    }

    @GetMapping("/companies/{id}")
    @Operation(operationId = "getCompany", summary = "Read a company", description = "A live company; 404 otherwise.")
    CompanyResponse company(@PathVariable String id) {
        return Texts.pathId(id)
                .flatMap(companies::find)
                .map(CompanyResponse::of)
                .orElseThrow(() -> new NotFound("company", id));
    }

    /** One keyset page of persons or companies, by the filters both lists take. */
    private static <P extends Party> Listed<P> listed(
            PartyStore<P> parties,
            @Nullable String name,
            @Nullable String documentNumber,
            @Nullable String cursor,
            int limit) {
        Keyset.limit(limit);
        String prefix = Texts.optional("name", name, 200);
        var rows = parties.page(prefix, documentNumber(documentNumber), cursor, limit + 1);
        return new Listed<>(
                Pages.items(rows, limit),
                Pages.next(rows, limit, p -> PartyListing.cursor(prefix, p.name(), p.createdAt(), p.id())));
    }

    /** The parties of a page, and the cursor of the next one (null on the last page). */
    private record Listed<P>(List<P> parties, @Nullable String nextCursor) {
        <R> List<R> items(Function<P, R> response) {
            return parties.stream().map(response).toList();
        }
    }

    /** Document numbers are kept without punctuation, in capitals: a typed one is compared so. */
    private static @Nullable String documentNumber(@Nullable String typed) {
        String text = Texts.optional("documentNumber", typed, 40);
        return text == null ? null : text.replaceAll("[.\\-/\\s]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** A page of persons; {@code nextCursor} is absent (null) on the last page. */
    record PersonPage(List<PersonResponse> items, @Nullable String nextCursor) {}

    /** A page of companies; {@code nextCursor} is absent (null) on the last page. */
    record CompanyPage(List<CompanyResponse> items, @Nullable String nextCursor) {}

    record PersonResponse(
            UUID id,
            String name,
            String documentType,
            String documentNumber,
            @Nullable LocalDate birthDate,
            @Nullable String address,
            @Nullable String email,
            @Nullable String phone,
            @Nullable RegistryAmount monthlyIncome,
            @Nullable String subject,
            long version,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {
        static PersonResponse of(Person p) {
            return new PersonResponse(
                    p.id(),
                    p.name(),
                    p.documentType(),
                    p.documentNumber(),
                    p.birthDate(),
                    p.address(),
                    p.email(),
                    p.phone(),
                    RegistryAmount.of(p.monthlyIncome()),
                    p.subject(),
                    p.version(),
                    p.createdAt(),
                    p.createdBy(),
                    p.updatedAt(),
                    p.updatedBy());
        }
    }

    record CompanyResponse(
            UUID id,
            String name,
            String documentType,
            String documentNumber,
            @Nullable String address,
            @Nullable String subject,
            long version,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {
        static CompanyResponse of(Company c) {
            return new CompanyResponse(
                    c.id(),
                    c.name(),
                    c.documentType(),
                    c.documentNumber(),
                    c.address(),
                    c.subject(),
                    c.version(),
                    c.createdAt(),
                    c.createdBy(),
                    c.updatedAt(),
                    c.updatedBy());
        }
    }
}
