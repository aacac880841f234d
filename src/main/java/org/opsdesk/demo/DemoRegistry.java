package org.opsdesk.demo;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionCatalog;
import org.opsdesk.actions.ActionOutcome;
import org.opsdesk.actions.ActionRequest;
import org.opsdesk.operations.Approvals;
import org.opsdesk.registry.RegistryFeed;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.DemoMode;
import org.opsdesk.shared.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account registry of the demo, on its first start (a registry holding any party is left alone): five persons
 * and two companies with valid CPFs and CNPJs, six accounts (personal and business; one suspended with a lift of
 * the suspension waiting for a second person, one cancelled under four-eyes: made by the supervisor, approved by the administrator), their users and trusted devices, Pix
 * keys, sub-accounts and the partners of the business accounts. Every record but the devices is created through
 * the {@link ActionCatalog} by the demo operators, so each is an operation with its history, as an operator's
 * would be; devices come from the institution's app, so through {@link RegistryFeed}.
 */
@Component
@Order(40)
class DemoRegistry implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRegistry.class);
    private static final Actor SUPPORT = DemoDesk.SUPPORT;
    private static final Actor SUPERVISOR = DemoDesk.SUPERVISOR;
    private static final Actor COMPLIANCE = DemoDesk.COMPLIANCE_OFFICER;
    /**
     * The second person of the cancellation: approving an account action needs {@code account_action:approve},
     * which among the demo's people only the supervisor (the maker) and the administrator hold.
     */
    private static final Actor ADMIN = new Actor(Actor.Kind.OPERATOR, "admin", "Administrator", Permissions.all());

    private static final String ADDRESS = "Av. Paulista, 1000, Bela Vista, São Paulo - SP, 01310-100";

    private final ActionCatalog catalog;
    private final Approvals approvals;
    private final RegistryFeed feed;
    private final Environment environment;
    private int actions;

    DemoRegistry(ActionCatalog catalog, Approvals approvals, RegistryFeed feed, Environment environment) {
        this.catalog = catalog;
        this.approvals = approvals;
        this.feed = feed;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoMode.isOn(environment) || feed.holdsParties()) {
            return;
        }
        String anaCpf = BrazilianDocuments.cpf("529982247");
        String ana = person("Ana Beatriz Souza", anaCpf, "1988-03-14", "ana.souza@example.com.br", "+5511987650001");
        String bruno = person("Bruno Henrique Lima", BrazilianDocuments.cpf("111444777"), "1979-11-02", null, null);
        String carla = person("Carla Mendes Ribeiro", BrazilianDocuments.cpf("390533447"), "1992-07-21", null, null);
        String diego = person(
                "Diego Rocha Alves", BrazilianDocuments.cpf("714602380"), "1985-01-30", "diego@example.com.br", null);
        String elisa =
                person("Elisa Prado Nunes", BrazilianDocuments.cpf("863251904"), "1990-09-09", null, "+5521998760002");
        String padariaCnpj = BrazilianDocuments.cnpj("112223330001");
        String padaria = company("Padaria Estrela Ltda", padariaCnpj);
        String aurora = company("Aurora Tecnologia S.A.", BrazilianDocuments.cnpj("452187690001"));

        // Ana: the fullest personal record — two users' worth of devices, three Pix keys, a wallet sub-account
        String anaAccount = account("person", ana, "personal");
        user(anaAccount, "Ana Beatriz Souza", "ana.souza@example.com.br", "view,pay,pix,invest,manage-users");
        device(anaAccount, "ana.souza@example.com.br", "iPhone 15 de Ana", "ios", true);
        device(anaAccount, "ana.souza@example.com.br", "Galaxy Tab S9", "android", false);
        pixKey(anaAccount, "cpf", anaCpf);
        pixKey(anaAccount, "email", "ana.souza@example.com.br");
        pixKey(anaAccount, "random", null);
        subAccount(anaAccount, "wallet", "Reserva de emergência");

        // Bruno: suspended by compliance; lifting it waits for a second person
        String brunoAccount = account("person", bruno, "personal");
        user(brunoAccount, "Bruno Henrique Lima", "bruno.lima@example.com.br", "view,pay");
        device(brunoAccount, "bruno.lima@example.com.br", "Moto G84", "android", true);
        invoke("account.suspend", brunoAccount, fields(), "chargeback pattern under review", null, COMPLIANCE);
        var lift = invoke("account.lift-suspension", brunoAccount, fields(), "documents received", null, SUPERVISOR);
        if (!lift.waitsForApproval()) {
            throw new IllegalStateException("the demo's lift of the suspension did not wait for a second person");
        }

        // Carla: cancelled at her request, typed confirmation and a second person's approval
        String carlaAccount = account("person", carla, "personal");
        String number = catalog.target("account", carlaAccount, SUPERVISOR).identifier();
        var cancel =
                invoke("account.cancel", carlaAccount, fields(), "closed at the holder's request", number, SUPERVISOR);
        if (cancel.approval() != null) {
            approvals.approve(cancel.approval().id(), "holder's letter on file", ADMIN);
        }

        String diegoAccount = account("person", diego, "personal");
        user(diegoAccount, "Diego Rocha Alves", "diego@example.com.br", "view,pay,pix");
        device(diegoAccount, "diego@example.com.br", "iPhone 13", "ios", true);
        pixKey(diegoAccount, "email", "diego@example.com.br");

        // the bakery: two partners, two users, an escrow sub-account, its CNPJ as a Pix key
        String padariaAccount = account("company", padaria, "business");
        partner(padariaAccount, "person", elisa, "60");
        partner(padariaAccount, "person", diego, "40");
        user(padariaAccount, "Elisa Prado Nunes", "financeiro@padariaestrela.com.br", "view,pay,pix,manage-users");
        user(padariaAccount, "Caixa da loja", "caixa@padariaestrela.com.br", "view");
        device(padariaAccount, "financeiro@padariaestrela.com.br", "Notebook do escritório", "web", true);
        pixKey(padariaAccount, "cnpj", padariaCnpj);
        subAccount(padariaAccount, "escrow", "Garantia de fornecedores");

        // the tech company: a company and a person as partners, a random Pix key, a financing sub-account
        String auroraAccount = account("company", aurora, "business");
        partner(auroraAccount, "company", padaria, "30");
        partner(auroraAccount, "person", ana, "70");
        user(auroraAccount, "Ana Beatriz Souza", "ana@auroratec.com.br", "view,pay,pix,invest,manage-users");
        device(auroraAccount, "ana@auroratec.com.br", "MacBook Air", "web", true);
        pixKey(auroraAccount, "random", null);
        subAccount(auroraAccount, "financing", "Capital de giro");

        LOG.info("Demo registry: 5 persons, 2 companies, 6 accounts, through {} catalog actions", actions);
    }

    private String person(String name, String cpf, String birthDate, @Nullable String email, @Nullable String phone) {
        var input = fields(
                "name", name, "documentType", "cpf", "documentNumber", cpf, "birthDate", birthDate, "address", ADDRESS);
        if (email != null) {
            input.put("email", email);
        }
        if (phone != null) {
            input.put("phone", phone);
        }
        return created(invoke("person.create", null, input, null, null, SUPPORT));
    }

    private String company(String name, String cnpj) {
        var input = fields("name", name, "documentType", "cnpj", "documentNumber", cnpj, "address", ADDRESS);
        return created(invoke("company.create", null, input, null, null, SUPPORT));
    }

    private String account(String holderKind, String holderId, String kind) {
        var input = fields("holderKind", holderKind, "holderId", holderId, "kind", kind, "planCode", "demo-basic");
        return created(invoke("account.open", null, input, "demo onboarding", null, SUPERVISOR));
    }

    private void user(String account, String name, String email, String permissions) {
        invoke(
                "user.create",
                account,
                fields("name", name, "email", email, "permissions", permissions),
                null,
                null,
                SUPPORT);
    }

    private void device(String account, String userEmail, String label, String platform, boolean trusted) {
        feed.registerDevice(UUID.fromString(account), userEmail, label, platform, trusted, SUPPORT);
    }

    private void pixKey(String account, String type, @Nullable String key) {
        var input = fields("keyType", type);
        if (key != null) {
            input.put("key", key);
        }
        invoke("pix-key.create", account, input, null, null, SUPPORT);
    }

    private void subAccount(String account, String kind, String name) {
        invoke("sub-account.create", account, fields("kind", kind, "name", name), null, null, SUPPORT);
    }

    private void partner(String account, String partyKind, String partyId, String share) {
        var input = fields("partyKind", partyKind, "partyId", partyId, "sharePercent", share);
        invoke("partner.create", account, input, "articles of association", null, SUPPORT);
    }

    private ActionOutcome invoke(
            String action,
            @Nullable String target,
            ObjectNode input,
            @Nullable String reason,
            @Nullable String confirm,
            Actor actor) {
        actions++;
        return catalog.invoke(new ActionRequest(action, target, input, reason, confirm), actor);
    }

    private static String created(ActionOutcome outcome) {
        if (outcome.targetId() == null) {
            throw new IllegalStateException("the demo's " + outcome.operation().type() + " created no record: "
                    + outcome.operation().stage());
        }
        return outcome.targetId();
    }

    private static ObjectNode fields(String... namesAndValues) {
        var node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }
}
