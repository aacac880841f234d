package org.opsdesk.registry.console;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.registry.accounts.Account;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.accounts.Balances;
import org.opsdesk.registry.accounts.LiveAccounts;
import org.opsdesk.registry.accounts.PartnerStore;
import org.opsdesk.registry.accounts.SubAccountStore;
import org.opsdesk.registry.documents.DocumentStore;
import org.opsdesk.registry.limits.LimitStore;
import org.opsdesk.registry.pix.PixKeyStore;
import org.opsdesk.registry.users.DeviceStore;
import org.opsdesk.registry.users.UserStore;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The record pages of accounts, persons, companies and users: the record's data and related records, drawn here;
 * its actions and its timeline are the catalog's panels ({@code /records/{kind}/{id}/…}), loaded into the page. A
 * deleted or unknown record answers 404 alike.
 */
@Controller
@RequiresPermission(RegistryPermissions.READ)
class RecordPages {

    /** Documents shown on an account's page (the newest). */
    private static final int DOCUMENTS = 50;

    private final LiveAccounts live;
    private final AccountRecords accounts;
    private final SubAccountStore subAccounts;
    private final PartnerStore partners;
    private final Balances balances;
    private final LimitStore limits;
    private final PixKeyStore pixKeys;
    private final DocumentStore documents;
    private final UserStore users;
    private final DeviceStore devices;
    private final PartyNames parties;

    RecordPages(
            LiveAccounts live,
            AccountRecords accounts,
            SubAccountStore subAccounts,
            PartnerStore partners,
            Balances balances,
            LimitStore limits,
            PixKeyStore pixKeys,
            DocumentStore documents,
            UserStore users,
            DeviceStore devices,
            PartyNames parties) {
        this.live = live;
        this.accounts = accounts;
        this.subAccounts = subAccounts;
        this.partners = partners;
        this.balances = balances;
        this.limits = limits;
        this.pixKeys = pixKeys;
        this.documents = documents;
        this.users = users;
        this.devices = devices;
        this.parties = parties;
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable String id, Actor actor, Model model) {
        Account account = live.get(id);
        model.addAttribute("account", account);
        model.addAttribute("holder", parties.of(account.holderKind(), account.holderId()));
        model.addAttribute("subAccounts", subAccounts.of(account.id()));
        model.addAttribute(
                "partners",
                partners.of(account.id()).stream()
                        .map(p -> new PartnerRow(
                                p.id(),
                                parties.of(p.partyKind(), p.partyId()),
                                p.sharePercent() == null
                                        ? null
                                        : p.sharePercent().toPlainString()))
                        .toList());
        model.addAttribute("users", users.of(account.id()));
        model.addAttribute("pixKeys", pixKeys.of(account.id()));
        model.addAttribute("documents", documents.of(account.id(), null, DOCUMENTS));
        model.addAttribute("limits", limits.of(account.id()));
        model.addAttribute("balances", balances.of(account.id()));
        return record(model, actor, "account", account.id(), "registry/account");
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable String id, Actor actor, Model model) {
        var person = Texts.pathId(id).flatMap(parties::person).orElseThrow(() -> new NotFound("person", id));
        model.addAttribute("person", person);
        model.addAttribute("accounts", accounts.heldBy(person.id()));
        return record(model, actor, "person", person.id(), "registry/person");
    }

    @GetMapping("/companies/{id}")
    String company(@PathVariable String id, Actor actor, Model model) {
        var company = Texts.pathId(id).flatMap(parties::company).orElseThrow(() -> new NotFound("company", id));
        model.addAttribute("company", company);
        model.addAttribute("accounts", accounts.heldBy(company.id()));
        return record(model, actor, "company", company.id(), "registry/company");
    }

    @GetMapping("/users/{id}")
    String user(@PathVariable String id, Actor actor, Model model) {
        var user = Texts.pathId(id).flatMap(users::find).orElseThrow(() -> new NotFound("user", id));
        // A user of a deleted account is not shown apart from it.
        var account = accounts.find(user.accountId()).orElseThrow(() -> new NotFound("user", id));
        model.addAttribute("user", user);
        model.addAttribute("account", account);
        model.addAttribute("devices", devices.of(user.id()));
        return record(model, actor, "user", user.id(), "registry/user");
    }

    private static String record(Model model, Actor actor, String kind, UUID id, String view) {
        model.addAttribute("kind", kind);
        model.addAttribute("recordId", id);
        model.addAttribute("mayAct", actor.permissions().allowsSomethingUnder("action:*"));
        model.addAttribute("mayDownload", actor.may(RegistryPermissions.DOCUMENTS));
        return view;
    }

    /** A partner of a business account with its party. */
    record PartnerRow(UUID id, PartyNames.Party party, @Nullable String sharePercent) {}
}
