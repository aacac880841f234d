package org.opsdesk.portal.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.ClientPermissions;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountEvents;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.portal.verification.KycHandOff;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' view of portal clients: a list, newest first (keyset paging), and one client's registration data,
 * verification state and identity-check operation. Every row is personal data, so both pages need {@code
 * clients:view}, checked on the server before anything is read.
 */
@Controller
@RequiresPermission(ClientPermissions.VIEW)
class PortalClientPages {

    /** A row of the list. */
    record Row(
            UUID id,
            String kind,
            String name,
            String email,
            boolean emailVerified,
            boolean phoneVerified,
            String kyc,
            Instant createdAt) {}

    static final int PAGE = 50;

    private final AccountStore accounts;
    private final AccountEvents events;
    private final KycHandOff kyc;
    private final JsonMapper json;

    PortalClientPages(AccountStore accounts, AccountEvents events, KycHandOff kyc, JsonMapper json) {
        this.accounts = accounts;
        this.events = events;
        this.kyc = kyc;
        this.json = json;
    }

    @GetMapping("/portal-clients")
    String list(@RequestParam(required = false) String after, Model model) {
        Cursor cursor = Cursor.parse(after);
        var found = accounts.page(
                cursor == null ? null : cursor.createdAt(), cursor == null ? null : cursor.id(), PAGE + 1);
        var rows = new ArrayList<Row>();
        for (Account account : found.subList(0, Math.min(PAGE, found.size()))) {
            rows.add(new Row(
                    account.id(),
                    account.kind(),
                    account.displayName(),
                    account.email(),
                    account.emailVerifiedAt() != null,
                    account.phoneVerifiedAt() != null,
                    kyc.state(account).code(),
                    account.createdAt()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute(
                "next",
                found.size() > PAGE
                        ? new Cursor(
                                        rows.get(PAGE - 1).createdAt(),
                                        rows.get(PAGE - 1).id())
                                .text()
                        : null);
        return "portal/console/list";
    }

    @GetMapping("/portal-clients/{id}")
    String detail(@PathVariable String id, Model model) {
        Account account = parse(id).flatMap(accounts::find).orElseThrow(() -> new NotFound("portal client", id));
        model.addAttribute("account", account);
        model.addAttribute("details", details(account));
        model.addAttribute("kyc", kyc.state(account).code());
        model.addAttribute("payoutAccounts", accounts.payoutIbans(account.id()));
        model.addAttribute("events", events.latest(account.id(), 50));
        return "portal/console/detail";
    }

    private Map<String, String> details(Account account) {
        Map<String, Object> stored =
                json.readValue(account.detailsJson(), new TypeReference<LinkedHashMap<String, Object>>() {});
        var shown = new LinkedHashMap<String, String>();
        stored.forEach((key, value) -> shown.put(key, String.valueOf(value)));
        return shown;
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Where the next page starts: the last row's creation time and id. */
    record Cursor(Instant createdAt, UUID id) {

        String text() {
            return createdAt + "_" + id;
        }

        static @Nullable Cursor parse(@Nullable String text) {
            if (text == null || text.length() > 100) {
                return null;
            }
            int split = text.indexOf('_');
            try {
                return split < 0
                        ? null
                        : new Cursor(
                                Instant.parse(text.substring(0, split)), UUID.fromString(text.substring(split + 1)));
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
