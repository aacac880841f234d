package org.opsdesk.banking.uploads;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.imports.FileNames;
import org.opsdesk.banking.imports.ImportQueries;
import org.opsdesk.banking.mappings.StatementMappings;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /exchange/statements}: the cashier's statement import — a form (drag and drop, or a plain file input)
 * that uploads a file to be imported in the background, optionally onto one office account or through a bank's
 * saved CSV mapping; the upload's page with its progress (polled while it runs) and then what it stored, or why it
 * was refused; any import's result; the recent uploads and imports. Uploading needs {@code exchange:statements}.
 */
@Controller
@RequestMapping(StatementUploadPages.PATH)
class StatementUploadPages {

    static final String PATH = "/exchange/statements";
    static final int RECENT = 30;

    private final StatementUploads uploads;
    private final ImportQueries imports;
    private final OfficeAccounts accounts;
    private final StatementMappings mappings;
    private final MessageSource messages;

    StatementUploadPages(
            StatementUploads uploads,
            ImportQueries imports,
            OfficeAccounts accounts,
            StatementMappings mappings,
            MessageSource messages) {
        this.uploads = uploads;
        this.imports = imports;
        this.accounts = accounts;
        this.mappings = mappings;
        this.messages = messages;
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping
    ModelAndView list(Actor actor) {
        return listPage(actor);
    }

    @RequiresPermission(BankingPermissions.STATEMENTS)
    @PostMapping("/upload")
    ModelAndView upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "bankAccount", required = false) @Nullable String bankAccount,
            @RequestParam(name = "mapping", required = false) @Nullable String mapping,
            Actor actor,
            Locale locale)
            throws IOException {
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            String name = file == null ? null : FileNames.clean(file.getOriginalFilename());
            UUID id = uploads.accept(content, name, id(bankAccount, "bankAccount"), id(mapping, "mapping"), actor);
            return new ModelAndView("redirect:" + PATH + "/uploads/" + id);
        } catch (ProblemException refused) {
            var page = listPage(actor)
                    .addObject("chosenAccount", bankAccount)
                    .addObject("chosenMapping", mapping)
                    .addObject(
                            "errorField",
                            refused.errors().isEmpty()
                                    ? "file"
                                    : refused.errors().get(0).field())
                    .addObject("error", describe(refused, locale));
            page.setStatus(HttpStatus.valueOf(refused.status() == 413 ? 413 : 422));
            return page;
        }
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/uploads/{id}")
    ModelAndView upload(@PathVariable UUID id) {
        return withProgress(new ModelAndView("banking/upload"), id);
    }

    /** The progress panel alone, which the page polls every second while the import runs. */
    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/uploads/{id}/progress")
    ModelAndView progress(@PathVariable UUID id) {
        return withProgress(new ModelAndView("banking/upload :: progress"), id);
    }

    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/imports/{id}")
    ModelAndView importPage(@PathVariable UUID id) {
        var found = imports.find(id).orElseThrow(() -> new NotFound("statement import", id.toString()));
        return new ModelAndView("banking/import").addObject("imported", found).addObject("accounts", accountNames());
    }

    /** The import's result alone, which its page polls every second while the import runs. */
    @RequiresPermission(ExchangePermissions.VIEW)
    @GetMapping("/imports/{id}/result")
    ModelAndView importResult(@PathVariable UUID id) {
        var found = imports.find(id).orElseThrow(() -> new NotFound("statement import", id.toString()));
        return new ModelAndView("banking/import :: result(imported=${imported}, accounts=${accounts})")
                .addObject("imported", found)
                .addObject("accounts", accountNames());
    }

    private ModelAndView withProgress(ModelAndView page, UUID id) {
        UploadView upload = uploads.find(id).orElseThrow(() -> new NotFound("statement upload", id.toString()));
        var imported = upload.importId() == null
                ? null
                : imports.find(upload.importId()).orElse(null);
        return page.addObject("upload", upload).addObject("imported", imported).addObject("accounts", accountNames());
    }

    private ModelAndView listPage(Actor actor) {
        return new ModelAndView("banking/statements")
                .addObject("uploads", uploads.recent(RECENT))
                .addObject("imports", imports.recent(null, RECENT))
                .addObject("officeAccounts", accounts.all())
                .addObject("mappings", mappings.all())
                .addObject("canUpload", actor.may(BankingPermissions.STATEMENTS));
    }

    /** Each office account's number and currency by id, to name the statements' accounts. */
    private java.util.Map<UUID, String> accountNames() {
        var names = new java.util.HashMap<UUID, String>();
        accounts.all().forEach(a -> names.put(a.id(), a.bankName() + " · " + a.number() + " · " + a.currency()));
        return names;
    }

    private String describe(ProblemException refused, Locale locale) {
        if (refused.errors().isEmpty()) {
            return refused.detail();
        }
        var error = refused.errors().get(0);
        String label = messages.getMessage("banking.field." + error.field(), null, error.field(), locale);
        return label + ": " + error.message();
    }

    private static @Nullable UUID id(@Nullable String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException notAnId) {
            throw InvalidInput.of(field, "is not one of the choices offered");
        }
    }
}
