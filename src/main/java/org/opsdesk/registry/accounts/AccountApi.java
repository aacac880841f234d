package org.opsdesk.registry.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.limits.LimitStore;
import org.opsdesk.registry.parties.CompanyStore;
import org.opsdesk.registry.parties.PersonStore;
import org.opsdesk.registry.records.Pages;
import org.opsdesk.registry.records.RegistryAmount;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/accounts}: accounts newest first in keyset pages, with filters; one account with what its
 * record page shows (holder, sub-accounts, limits, balances); its partners. Opening, suspending, cancelling … are
 * actions of the catalog.
 */
@Tag(name = "Registry")
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = "application/json")
@RequiresPermission(RegistryPermissions.READ)
class AccountApi {

    private final AccountRecords accounts;
    private final LiveAccounts live;
    private final SubAccountStore subAccounts;
    private final PartnerStore partners;
    private final Balances balances;
    private final LimitStore limits;
    private final PersonStore persons;
    private final CompanyStore companies;

    AccountApi(
            AccountRecords accounts,
            LiveAccounts live,
            SubAccountStore subAccounts,
            PartnerStore partners,
            Balances balances,
            LimitStore limits,
            PersonStore persons,
            CompanyStore companies) {
        this.accounts = accounts;
        this.live = live;
        this.subAccounts = subAccounts;
        this.partners = partners;
        this.balances = balances;
        this.limits = limits;
        this.persons = persons;
        this.companies = companies;
    }

    @GetMapping
    @Operation(
            operationId = "listAccounts",
            summary = "List accounts",
            description = "Live accounts, newest first, in keyset pages. Filters: status (active, suspended,"
                    + " cancelled), kind (personal, business), holder (a person's or company's id), planCode, and q —"
                    + " an account number, with or without its check digit.")
    AccountPage list(
            @Parameter(description = "active, suspended or cancelled") @RequestParam(required = false) @Nullable
                    String status,
            @Parameter(description = "personal or business") @RequestParam(required = false) @Nullable String kind,
            @Parameter(description = "The holder's id (a person or a company)")
                    @RequestParam(required = false)
                    @Nullable
                    String holder,
            @Parameter(description = "The plan's code, exactly") @RequestParam(required = false) @Nullable
                    String planCode,
            @Parameter(description = "An account number: eight digits, with or without the check digit")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        Keyset.limit(limit);
        var filter = AccountFilter.of(status, kind, holder, planCode, q);
        var rows = accounts.page(filter, Keyset.timeAndId(cursor), limit + 1);
        return new AccountPage(
                Pages.items(rows, limit).stream().map(AccountSummary::of).toList(),
                Pages.next(rows, limit, a -> Keyset.cursor(a.createdAt(), a.id())));
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getAccount",
            summary = "Read an account",
            description = "A live account with its holder, sub-accounts, limits per transaction type (its own or the"
                    + " type's) and the balances last read from the provider; 404 for an unknown or deleted one.")
    AccountDetail get(@PathVariable String id) {
        var account = live.get(id);
        return new AccountDetail(
                AccountSummary.of(account),
                holder(account),
                subAccounts.of(account.id()).stream()
                        .map(SubAccountResponse::of)
                        .toList(),
                limits.of(account.id()).stream().map(LimitResponse::of).toList(),
                balances.of(account.id()).stream().map(BalanceResponse::of).toList());
    }

    @GetMapping("/{id}/partners")
    @Operation(
            operationId = "listAccountPartners",
            summary = "List an account's partners",
            description = "The shareholders of a business account (none for a personal one), oldest first.")
    PartnerList partners(@PathVariable String id) {
        var account = live.get(id);
        return new PartnerList(partners.of(account.id()).stream()
                .map(p -> new PartnerResponse(
                        p.id(),
                        p.partyKind(),
                        p.partyId(),
                        partyName(p.partyKind(), p.partyId()),
                        p.sharePercent() == null ? null : p.sharePercent().toPlainString(),
                        p.createdAt()))
                .toList());
    }

    private HolderSummary holder(Account account) {
        if (account.holderKind().equals("person")) {
            var person = persons.find(account.holderId());
            return new HolderSummary(
                    "person",
                    account.holderId(),
                    person.map(p -> p.name()).orElse(null),
                    person.map(p -> p.documentNumber()).orElse(null));
        }
        var company = companies.find(account.holderId());
        return new HolderSummary(
                "company",
                account.holderId(),
                company.map(c -> c.name()).orElse(null),
                company.map(c -> c.documentNumber()).orElse(null));
    }

    private @Nullable String partyName(String kind, UUID id) {
        return kind.equals("person")
                ? persons.find(id).map(p -> p.name()).orElse(null)
                : companies.find(id).map(c -> c.name()).orElse(null);
    }

    /** A page of accounts; {@code nextCursor} is absent (null) on the last page. */
    record AccountPage(List<AccountSummary> items, @Nullable String nextCursor) {}

    record AccountSummary(
            UUID id,
            String number,
            String holderKind,
            UUID holderId,
            String kind,
            @Nullable String planCode,
            String status,
            int cashOutLevel,
            int nightStartsAt,
            @Nullable String subject,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        static AccountSummary of(Account a) {
            return new AccountSummary(
                    a.id(),
                    a.number(),
                    a.holderKind(),
                    a.holderId(),
                    a.kind(),
                    a.planCode(),
                    a.status(),
                    a.cashOutLevel(),
                    a.nightStartsAt(),
                    a.subject(),
                    a.version(),
                    a.createdAt(),
                    a.updatedAt());
        }
    }

    /**
     * One account as its record page shows it.
     *
     * @param holder its holder; name and document are absent when the holder was deleted after the account
     */
    record AccountDetail(
            AccountSummary account,
            HolderSummary holder,
            List<SubAccountResponse> subAccounts,
            List<LimitResponse> limits,
            List<BalanceResponse> balances) {}

    record HolderSummary(String kind, UUID id, @Nullable String name, @Nullable String documentNumber) {}

    record SubAccountResponse(UUID id, String kind, String name, RegistryAmount balance, Instant createdAt) {
        static SubAccountResponse of(SubAccount s) {
            return new SubAccountResponse(s.id(), s.kind(), s.name(), RegistryAmount.of(s.balance()), s.createdAt());
        }
    }

    /** @param own whether the account has values of its own (else the transaction type's apply) */
    record LimitResponse(String transactionType, RegistryAmount daytime, RegistryAmount nighttime, boolean own) {
        static LimitResponse of(LimitStore.Limit l) {
            return new LimitResponse(
                    l.transactionType(),
                    RegistryAmount.of(l.daytime(), l.currency()),
                    RegistryAmount.of(l.nighttime(), l.currency()),
                    l.own());
        }
    }

    record BalanceResponse(RegistryAmount available, RegistryAmount blocked, Instant readAt) {
        static BalanceResponse of(Balances.Balance b) {
            return new BalanceResponse(
                    RegistryAmount.of(b.available(), b.currency()),
                    RegistryAmount.of(b.blocked(), b.currency()),
                    b.readAt());
        }
    }

    record PartnerList(List<PartnerResponse> items) {}

    record PartnerResponse(
            UUID id,
            String partyKind,
            UUID partyId,
            @Nullable String partyName,
            @Nullable String sharePercent,
            Instant createdAt) {}
}
