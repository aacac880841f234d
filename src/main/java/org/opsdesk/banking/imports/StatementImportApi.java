package org.opsdesk.banking.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.formats.StatementFileRefused;
import org.opsdesk.banking.mappings.StatementMappings;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/exchange/statements}: a bank statement file in (the body as the bank sent it, or a multipart
 * {@code file}), its statements and entries stored once; the imports read back, with their progress.
 */
@Tag(
        name = "Bank statements",
        description = "Statement files imported from the office's banks (MT940, camt.053, camt.054, CSV): each"
                + " statement stored once, each entry once per account, balances kept per account.")
@RestController
@RequestMapping(path = "/api/v1/exchange/statements", produces = "application/json")
class StatementImportApi {

    private static final String MAPPING_HELP = "The bank's saved CSV mapping (`/api/v1/exchange/statement-mappings`),"
            + " for a CSV file; ignored for MT940 and camt.";

    private final StatementImports imports;
    private final ImportQueries queries;
    private final StatementMappings mappings;
    private final long maxBytes;

    StatementImportApi(
            StatementImports imports,
            ImportQueries queries,
            StatementMappings mappings,
            @Value("${opsdesk.uploads.max-bytes}") long maxBytes) {
        this.imports = imports;
        this.queries = queries;
        this.mappings = mappings;
        this.maxBytes = maxBytes;
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    // any content type but a form: the file's own bytes decide its format (a wrong header is no reason to refuse)
    @PostMapping
    @Operation(
            operationId = "importStatementFile",
            summary = "Import a bank statement file",
            description = "The body is the file exactly as the bank sent it (any content type but a form, e.g."
                    + " `application/octet-stream`); its format is recognised from the"
                    + " content, never from a name: MT940 (several statements per file, the usual dialects, UTF-8"
                    + " or the Polish code pages), camt.053 or camt.054 (v02, v04, v08), or CSV through a saved"
                    + " mapping. Each statement must belong to an office bank account (by IBAN or account number)"
                    + " unless `bankAccount` assigns the file's one statement account, and must reconcile (its"
                    + " booked entries lead from its opening to its closing balance); otherwise 422 and nothing of"
                    + " the file is stored. Hostile or broken files are refused with 422 (413 over the size limit)."
                    + " A statement imported again, or an overlapping one, adds only the entries not stored yet:"
                    + " 201 when the import stored something, 200 when it added nothing.")
    @ApiResponse(
            responseCode = "201",
            description = "The import, with what it stored.",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Everything in the file was stored already: nothing added.",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    ResponseEntity<ImportResult> importBody(
            HttpServletRequest request,
            @Parameter(
                            description = "The office bank account the file's statements belong to, when the bank"
                                    + " masks the account number in its export.")
                    @RequestParam(name = "bankAccount", required = false)
                    @Nullable
                    UUID bankAccount,
            @Parameter(description = "The file's name, for people (never used to recognise the format).")
                    @RequestParam(name = "fileName", required = false)
                    @Nullable
                    String fileName,
            @Parameter(description = MAPPING_HELP) @RequestParam(name = "mapping", required = false) @Nullable
                    UUID mapping,
            Actor actor)
            throws IOException {
        return importFile(request.getInputStream(), FileNames.clean(fileName), bankAccount, mapping, actor);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping(consumes = "multipart/form-data")
    @Operation(
            operationId = "importStatementFileForm",
            summary = "Import a bank statement file (multipart)",
            description = "As `importStatementFile`, with the file in the form field `file`.")
    @ApiResponse(
            responseCode = "201",
            description = "The import, with what it stored.",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    ResponseEntity<ImportResult> importForm(
            @Parameter(description = "The statement file.") @RequestPart(name = "file", required = false) @Nullable
                    MultipartFile file,
            @Parameter(description = "The office bank account the file's statements belong to.")
                    @RequestParam(name = "bankAccount", required = false)
                    @Nullable
                    UUID bankAccount,
            @Parameter(description = "The file's name, for people, when the form's file part has none.")
                    @RequestParam(name = "fileName", required = false)
                    @Nullable
                    String fileName,
            @Parameter(description = MAPPING_HELP) @RequestParam(name = "mapping", required = false) @Nullable
                    UUID mapping,
            Actor actor)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "the form has no file, or an empty one");
        }
        String name = FileNames.clean(file.getOriginalFilename());
        return importFile(
                file.getInputStream(), name != null ? name : FileNames.clean(fileName), bankAccount, mapping, actor);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/imports/{id}")
    @Operation(
            operationId = "getStatementImport",
            summary = "Read an import",
            description = "An import with its progress while it runs (statements read, entries stored, entries"
                    + " matched) and, once done, the statements it read, its warnings and its counts.")
    ImportView get(@Parameter(description = "The import's id.") @PathVariable UUID id) {
        return queries.find(id).orElseThrow(() -> new NotFound("statement import", id.toString()));
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/imports")
    @Operation(
            operationId = "listStatementImports",
            summary = "List imports",
            description = "Imports, newest first, in keyset pages (without their statements).")
    ImportPage list(
            @Parameter(description = "Where the previous page ended (its `nextCursor`).")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "At most this many imports (1 to 500).") @RequestParam(defaultValue = "50")
                    int limit) {
        Keyset.limit(limit);
        // a blank cursor has always meant the first page here
        var after = Keyset.timeAndId(cursor == null || cursor.isBlank() ? null : cursor);
        List<ImportView> page = queries.recent(after, limit + 1);
        if (page.size() <= limit) {
            return new ImportPage(page, null);
        }
        ImportView last = page.get(limit - 1);
        return new ImportPage(page.subList(0, limit), new Keyset.TimeAndId(last.startedAt(), last.id()).cursor());
    }

    /** A page of imports. */
    record ImportPage(List<ImportView> items, @Nullable String nextCursor) {}

    /** Both ways in: the file read within the limit, imported, and answered 201 (stored something) or 200. */
    private ResponseEntity<ImportResult> importFile(
            InputStream in, @Nullable String fileName, @Nullable UUID bankAccount, @Nullable UUID mapping, Actor actor)
            throws IOException {
        byte[] content = readCapped(in);
        ImportResult result =
                imports.importFile(content, fileName, bankAccount, mappings.csv(mapping, "mapping"), actor);
        if (!result.addedAnything()) {
            return ResponseEntity.ok(result);
        }
        return ResponseEntity.created(URI.create("/api/v1/exchange/statements/imports/" + result.importId()))
                .body(result);
    }

    /** Reads at most one byte past the limit, so that a too-large body is refused without holding it all. */
    private byte[] readCapped(InputStream in) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (content.length > maxBytes) {
            throw new StatementFileRefused(
                    StatementFileRefused.Reason.TOO_LARGE,
                    "file",
                    "is larger than the limit of " + maxBytes + " bytes");
        }
        if (content.length == 0) {
            throw InvalidInput.of("file", "the body is empty: send the statement file as it is");
        }
        return content;
    }
}
