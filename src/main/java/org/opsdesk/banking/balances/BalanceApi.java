package org.opsdesk.banking.balances;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange/bank-accounts/{id}/statements} and {@code …/entries}: an office account's bank side —
 * its statements (the timeline, gaps marked) and its entries, newest first, in keyset pages. The account must be one
 * of the office's (404 otherwise).
 */
@Tag(
        name = "Account statements",
        description = "Each office bank account's imported statements (with the gaps between them) and its booked"
                + " entries, newest first.")
@RestController
@RequestMapping(path = "/api/v1/exchange/bank-accounts/{id}", produces = "application/json")
class BalanceApi {

    private final AccountBalances balances;

    BalanceApi(AccountBalances balances) {
        this.balances = balances;
    }

    /** A page of statements. */
    @Schema(description = "A page of the account's statements, newest period first.")
    record StatementPage(
            List<StatementLine> items,
            @Schema(
                            description = "Pass as `cursor` for the next page; null on the last.",
                            example = "MjAyNi0xMS0wMnw3ZDBj")
                    @Nullable
                    String nextCursor) {}

    /** A page of entries. */
    @Schema(description = "A page of the account's entries, newest booking first.")
    record EntryPage(
            List<EntryLine> items,
            @Schema(
                            description = "Pass as `cursor` for the next page; null on the last.",
                            example = "MjAyNi0xMS0wMnw0ODIxMw")
                    @Nullable
                    String nextCursor) {}

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/statements")
    @Operation(
            operationId = "listAccountStatements",
            summary = "List an account's statements",
            description = "The statements imported for the office account, newest period first (by their last day),"
                    + " each with its opening and closing balance, its entries and — when its opening balance is not"
                    + " the previous statement's closing — `gapPreviousClosing`: a statement is missing in between."
                    + " 404 when the account is not the office's.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of statements.",
            content = @Content(schema = @Schema(implementation = StatementPage.class)))
    StatementPage statements(
            @Parameter(description = "The office bank account's id.") @PathVariable UUID id,
            @Parameter(description = "Where the previous page ended (its `nextCursor`).")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "At most this many statements (1 to 500).") @RequestParam(defaultValue = "100")
                    int limit) {
        Keyset.limit(limit);
        balances.account(id);
        var page = balances.statements(id, Keys.StatementKey.read(cursor), limit + 1);
        var items = page.stream().limit(limit).toList();
        return new StatementPage(items, page.size() > limit ? Keys.StatementKey.after(items.get(limit - 1)) : null);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/entries")
    @Operation(
            operationId = "listAccountEntries",
            summary = "List an account's entries",
            description = "The entries booked on the office account, newest booking first, each stored once however"
                    + " often the bank reported it: raw text, booking and value dates, amount (positive) with currency"
                    + " and direction, counterparty name/IBAN/BIC, remittance information, end-to-end id and bank"
                    + " reference. 404 when the account is not the office's.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of entries.",
            content = @Content(schema = @Schema(implementation = EntryPage.class)))
    EntryPage entries(
            @Parameter(description = "The office bank account's id.") @PathVariable UUID id,
            @Parameter(description = "Where the previous page ended (its `nextCursor`).")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "At most this many entries (1 to 500).") @RequestParam(defaultValue = "100")
                    int limit) {
        Keyset.limit(limit);
        balances.account(id);
        var page = balances.entries(id, Keys.EntryKey.read(cursor), limit + 1);
        var items = page.stream().limit(limit).toList();
        return new EntryPage(items, page.size() > limit ? Keys.EntryKey.after(items.get(limit - 1)) : null);
    }
}
