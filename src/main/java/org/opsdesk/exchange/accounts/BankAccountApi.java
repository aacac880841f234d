package org.opsdesk.exchange.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange/bank-accounts}: the office's bank accounts — list, read, add, change (bank name, purpose,
 * defaults), disable and enable. Never deleted.
 */
@Tag(
        name = "Bank accounts",
        description = "The exchange office's own bank accounts: where clients pay in and payouts leave from, with"
                + " their currency's defaults and balances.")
@RestController
@RequestMapping(path = "/api/v1/exchange/bank-accounts", produces = "application/json")
class BankAccountApi {

    private final BankAccounts accounts;

    BankAccountApi(BankAccounts accounts) {
        this.accounts = accounts;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    @Operation(
            operationId = "listBankAccounts",
            summary = "List the office's bank accounts",
            description = "Every account, enabled or not, by currency then bank name, in keyset pages; with its"
                    + " balance and when it was true (null until statements are imported) and the bank code"
                    + " derived from its IBAN (or BIC).")
    @ApiResponse(
            responseCode = "200",
            description = "A page of accounts.",
            content = @Content(schema = @Schema(implementation = BankAccountPage.class)))
    BankAccountPage list(
            @Parameter(description = "Only accounts in this currency (ISO 4217 code).")
                    @RequestParam(required = false)
                    @Nullable
                    String currency,
            @Parameter(description = "Where the previous page ended (its `nextCursor`).")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "At most this many accounts (1 to 500).") @RequestParam(defaultValue = "100")
                    int limit) {
        Keyset.limit(limit);
        var page = accounts.list(currency, ListCursor.read(cursor), limit + 1);
        List<BankAccountResponse> items =
                page.stream().limit(limit).map(BankAccountResponse::of).toList();
        return new BankAccountPage(items, page.size() > limit ? ListCursor.after(page.get(limit - 1)) : null);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/{id}")
    @Operation(
            operationId = "getBankAccount",
            summary = "Read a bank account",
            description = "One of the office's accounts, with its balance (null until statements are imported).")
    BankAccountResponse get(@Parameter(description = "The account's id.") @PathVariable UUID id) {
        return BankAccountResponse.of(accounts.get(id));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "createBankAccount",
            summary = "Add a bank account",
            description = "Adds an account of the office: an `iban` (country length and check digits are checked)"
                    + " or a domestic `accountNumber` with the bank's `bic` (spaces and dashes are dropped), a known"
                    + " `currency` and a `purpose`: `incoming`, `payout` or `both`. The first enabled account of a"
                    + " currency for a direction becomes its default. A number the office has already is refused"
                    + " (422 naming the field, with `existingId`).")
    @ApiResponse(responseCode = "201", description = "The account, added.")
    ResponseEntity<BankAccountResponse> create(@RequestBody CreateRequest request, Actor actor) {
        BankAccount created = accounts.create(request.draft(), actor);
        return ResponseEntity.created(URI.create("/api/v1/exchange/bank-accounts/" + created.id()))
                .body(BankAccountResponse.of(created));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @Operation(
            operationId = "updateBankAccount",
            summary = "Change a bank account",
            description = "Changes the bank's name, the purpose, and whether the account is its currency's default"
                    + " for incoming payments or payouts; a field left out stays as it is. Making an account a"
                    + " default takes it from the currency's previous default. The number and the currency never"
                    + " change: add another account and disable this one.")
    BankAccountResponse update(
            @Parameter(description = "The account's id.") @PathVariable UUID id,
            @RequestBody UpdateRequest request,
            Actor actor) {
        BankAccount current = accounts.get(id);
        return BankAccountResponse.of(accounts.update(id, request.over(current), actor));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/{id}/disable")
    @Operation(
            operationId = "disableBankAccount",
            summary = "Disable a bank account",
            description = "Stops using the account: pairing no longer chooses it and it stops being a default. It is"
                    + " kept, with its history, and can be enabled again.")
    BankAccountResponse disable(@Parameter(description = "The account's id.") @PathVariable UUID id, Actor actor) {
        return BankAccountResponse.of(accounts.disable(id, actor));
    }

    @RequiresPermission(ExchangePermissions.MANAGE)
    @PostMapping("/{id}/enable")
    @Operation(
            operationId = "enableBankAccount",
            summary = "Enable a bank account",
            description = "Uses a disabled account again (not as a default until one is chosen).")
    BankAccountResponse enable(@Parameter(description = "The account's id.") @PathVariable UUID id, Actor actor) {
        return BankAccountResponse.of(accounts.enable(id, actor));
    }

    /** A new account; exactly one of {@code iban} and {@code accountNumber}. */
    record CreateRequest(
            @Schema(description = "The bank's name, 1 to 100 characters.", example = "mBank S.A.") @Nullable
                    String bankName,
            @Schema(description = "The bank's BIC (8 or 11 characters); required with an `accountNumber`.") @Nullable
                    String bic,
            @Schema(description = "The account's IBAN, with or without spaces.") @Nullable String iban,
            @Schema(description = "A domestic account number that is not an IBAN (5 to 34 letters and digits).")
                    @Nullable
                    String accountNumber,
            @Schema(description = "The account's currency (ISO 4217 or a configured crypto asset).") @Nullable
                    String currency,
            @Schema(
                            description = "What the office uses the account for.",
                            allowableValues = {"incoming", "payout", "both"})
                    @Nullable
                    String purpose) {

        BankAccountDraft draft() {
            return new BankAccountDraft(bankName, bic, iban, accountNumber, currency, purpose);
        }
    }

    /** The changes to an account; a field left out (or null) stays as it is. */
    record UpdateRequest(
            @Schema(description = "The bank's name, 1 to 100 characters.") @Nullable String bankName,
            @Schema(
                            description = "What the office uses the account for.",
                            allowableValues = {"incoming", "payout", "both"})
                    @Nullable
                    String purpose,
            @Schema(
                            description = "Make it (true) or stop it being (false) its currency's default for incoming"
                                    + " payments.")
                    @Nullable
                    Boolean defaultIncoming,
            @Schema(description = "Make it (true) or stop it being (false) its currency's default for payouts.")
                    @Nullable
                    Boolean defaultPayout) {

        AccountEdit over(BankAccount current) {
            return new AccountEdit(
                    bankName == null ? current.bankName() : bankName,
                    purpose == null ? current.purpose().code() : purpose,
                    defaultIncoming == null ? current.defaultIncoming() : defaultIncoming,
                    defaultPayout == null ? current.defaultPayout() : defaultPayout);
        }
    }
}
