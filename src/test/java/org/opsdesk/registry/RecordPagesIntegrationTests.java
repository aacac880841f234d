package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsdesk.portal.PortalVisitor;

/**
 * The console's record pages, registry search and deleted records: read with {@code registry:read}; the actions
 * panel offers exactly the actions the operator may take on the record now, its forms post through the catalog
 * (same checks as the API: a wrong typed confirmation is refused beside its field, nothing applied) and the taken
 * action shows on the record and in its timeline; a deleted or unknown record answers 404.
 */
class RecordPagesIntegrationTests extends RegistryIntegrationTest {

    private static final AtomicInteger N = new AtomicInteger();

    /** A console browser signed in as a new operator whose one role (no second factor) holds these permissions. */
    private PortalVisitor operatorWith(String role, String... permissions) {
        var created = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"" + role + "\",\"description\":\"tests\",\"permissions\":[\""
                                + String.join("\",\"", permissions) + "\"],\"mfaRequired\":false}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        String operator = ensureOperator(role + "-" + N.incrementAndGet(), role);
        var browser = new PortalVisitor(port, "192.0.2." + (10 + N.incrementAndGet() % 80));
        browser.get("/login");
        assertThat(browser.post("/login", "username", operator, "password", OPERATOR_PASSWORD)
                        .status())
                .isEqualTo(302);
        return browser;
    }

    private String number(String account) {
        return registry().target("account", account).identifier();
    }

    @Test
    void anOperatorSuspendsAnAccountFromItsPageAndSeesItSuspendedAndInTheTimeline() {
        String person = registry().person("Renata Page");
        String account = registry().personalAccount(person);
        var support = operatorWith(
                "record-pages-suspenders", "registry:read", "action:account.suspend", "account_action:view");

        var page = support.get("/accounts/" + account);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#account-data").text()).contains(number(account), "Renata Page");
        assertThat(page.html().select("#account-data a[href=/persons/" + person + "]"))
                .hasSize(1);
        assertThat(page.html().select("#account-status").text()).isEqualTo("Active");

        var panel = support.get("/records/account/" + account + "/actions");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.html().select("details.action-form").eachAttr("id")).containsExactly("action-account-suspend");
        // an action the operator may not take, or one unknown on the kind, has no form to ask for
        assertThat(support.get("/records/account/" + account + "/actions/account.cancel/form")
                        .html()
                        .text())
                .contains("no longer available");
        assertThat(support.get("/records/account/" + account + "/actions/person.update/form")
                        .status())
                .isEqualTo(404);

        var suspended = support.post(
                "/records/account/" + account + "/actions/account.suspend", "reason", "chargeback investigation");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(302);
        assertThat(suspended.location()).startsWith("/accounts/" + account + "?invoked=");
        assertThat(registry().target("account", account).state()).isEqualTo("suspended");

        var after = support.get("/accounts/" + account);
        assertThat(after.html().select("#account-status").text()).isEqualTo("Suspended");
        String invoked = suspended.location().substring(suspended.location().indexOf('=') + 1);
        var notice = support.get("/records/account/" + account + "/actions?invoked=" + invoked);
        assertThat(notice.html().select("#action-notice").text()).contains("Success", "Suspend account");
        assertThat(notice.html().select("details.action-form")).isEmpty(); // suspended: nothing more to offer
        var timeline = support.get("/records/account/" + account + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.html().select("#record-timeline li").text())
                .contains("Suspend account", "Success", "chargeback investigation");
        assertThat(timeline.html().select("#record-timeline a[href=/operations/" + invoked + "]"))
                .hasSize(1);
    }

    @Test
    void aPersonsAndACompanysPagesShowTheirFactsTheAccountsTheyHoldAndTheCatalogPanels() {
        String person = registry().person("Paula Party");
        String personal = registry().personalAccount(person);
        String company = registry().company("Party Pages Ltda");
        String business = registry().businessAccount(company);
        String lonely = registry().company("No Accounts Ltda");
        var reader = operatorWith("record-pages-party-readers", "registry:read", "action:account.suspend");

        var personPage = reader.get("/persons/" + person).html();
        assertThat(personPage.select("title").text()).isEqualTo("Paula Party · Opsdesk");
        assertThat(personPage.select("main#main.registry-record h1").text()).isEqualTo("Paula Party");
        assertThat(personPage.select(".page-header p.muted").text()).isEqualTo("Person");
        assertThat(personPage
                        .select("section[aria-labelledby=person-data-heading] h2#person-data-heading")
                        .text())
                .isEqualTo("Data");
        assertThat(personPage.select("#person-data dt").eachText())
                .containsExactly("Name", "Document", "Birth date", "Email", "Phone", "Address", "Monthly income");
        assertThat(personPage.select("#person-data").text())
                .contains(
                        "Paula Party",
                        registry().target("person", person).identifier(),
                        "1985-03-14",
                        "Rua das Flores 12",
                        "8500.00");
        assertThat(personPage
                        .select("section[aria-labelledby=accounts-heading] #record-accounts a[href=/accounts/"
                                + personal + "]")
                        .text())
                .isEqualTo(number(personal));
        assertThat(personPage.select("aside.timeline > [data-panel]").eachAttr("hx-get"))
                .satisfiesExactly(
                        actions -> assertThat(actions).startsWith("/records/person/" + person + "/actions"),
                        timeline -> assertThat(timeline).isEqualTo("/records/person/" + person + "/timeline"));

        var companyPage = reader.get("/companies/" + company).html();
        assertThat(companyPage.select("main#main h1").text()).isEqualTo("Party Pages Ltda");
        assertThat(companyPage.select(".page-header p.muted").text()).isEqualTo("Company");
        assertThat(companyPage
                        .select("section[aria-labelledby=company-data-heading] #company-data dt")
                        .eachText())
                .containsExactly("Name", "Document", "Address");
        assertThat(companyPage.select("#company-data").text())
                .contains(
                        "Party Pages Ltda",
                        registry().target("company", company).identifier(),
                        "Av. Paulista");
        assertThat(companyPage.select("#record-accounts tbody tr")).hasSize(1);
        assertThat(companyPage
                        .select("#record-accounts a[href=/accounts/" + business + "]")
                        .text())
                .isEqualTo(number(business));
        assertThat(companyPage.select("aside.timeline > [data-panel]")).hasSize(2);

        var empty = reader.get("/companies/" + lonely).html();
        assertThat(empty.select("section[aria-labelledby=accounts-heading] p.muted")
                        .text())
                .isEqualTo("None.");
        assertThat(empty.select("#record-accounts")).isEmpty();
    }

    @Test
    void aWrongTypedNumberIsRefusedBesideTheFieldAndTheRightOneWaitsForASecondPerson() {
        String account = registry().personalAccount(registry().person("Caio Confirm"));
        var supervisor = operatorWith(
                "record-pages-cancellers", "registry:read", "action:account.cancel", "account_action:view");
        supervisor.get("/accounts/" + account);

        var wrong = supervisor.post(
                "/records/account/" + account + "/actions/account.cancel",
                "reason",
                "client asked",
                "confirm",
                "00000000");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.html().select("#account-cancel-confirm-error").text())
                .isEqualTo("This cannot be undone: type " + number(account) + " exactly to confirm.");
        assertThat(wrong.html().select("#account-cancel-confirm").attr("aria-invalid"))
                .isEqualTo("true");
        assertThat(wrong.body()).doesNotContain("Exception");
        assertThat(registry().target("account", account).state()).isEqualTo("active");

        var right = supervisor.post(
                "/records/account/" + account + "/actions/account.cancel",
                "reason",
                "client asked",
                "confirm",
                number(account));
        assertThat(right.status()).as(right.body()).isEqualTo(302);
        var notice = supervisor.get("/records/account/" + account + "/actions?invoked="
                + right.location().substring(right.location().indexOf('=') + 1));
        assertThat(notice.html().select("#action-notice").text()).contains("Waiting for a second person");
        assertThat(registry().target("account", account).state()).isEqualTo("active");
    }

    @Test
    void thePushFormIsGeneratedAndAFieldErrorShowsBesideItsField() {
        String account = registry().personalAccount(registry().person("Paula Push"));
        registry().user(account, "paula-" + UUID.randomUUID() + "@example.com");
        var support = operatorWith(
                "record-pages-pushers", "registry:read", "action:account.send-push", "account_action:view");
        assertThat(support.get("/records/account/" + account + "/actions")
                        .html()
                        .select("details.action-form"))
                .isEmpty(); // messaging off: not offered

        messaging(true);
        var panel = support.get("/records/account/" + account + "/actions");
        assertThat(panel.html().select("details.action-form").eachAttr("id"))
                .containsExactly("action-account-send-push");
        // the panel renders the button; its form is asked for when the button opens it
        var button = panel.html().selectFirst("#action-account-send-push");
        assertThat(button.select("form")).isEmpty();
        String formUrl = button.attr("hx-get");
        assertThat(formUrl).isEqualTo("/records/account/" + account + "/actions/account.send-push/form");
        var form = support.get(formUrl).html();
        assertThat(form.select("input[name=title]").attr("maxlength")).isEqualTo("65");
        assertThat(form.text()).contains("Title", "Message");
        assertThat(form.select("form").attr("hx-post"))
                .isEqualTo("/records/account/" + account + "/actions/account.send-push");

        var blank = support.post(
                "/records/account/" + account + "/actions/account.send-push", "title", "Aviso", "text", " ");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).doesNotContain("Exception");
        assertThat(blank.html().select("#account-send-push-text-error").text()).isNotBlank();

        var sent = support.post(
                "/records/account/" + account + "/actions/account.send-push", "title", "Aviso", "text", "Olá");
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        var notice = support.get("/records/account/" + account + "/actions?invoked="
                + sent.location().substring(sent.location().indexOf('=') + 1));
        assertThat(notice.html().select("#action-notice").text()).contains("Success", "Send push message");
    }

    @Test
    void onlyThePermittedActionsAreOfferedAndReadingNeedsRegistryRead() {
        String account = registry().personalAccount(registry().person("Olga Offers"));
        var reader = operatorWith("record-pages-readers", "registry:read");
        assertThat(reader.get("/accounts/" + account).status()).isEqualTo(200);
        assertThat(reader.get("/accounts/" + account).html().select("[data-panel]"))
                .hasSize(1); // the timeline only: no actions panel without any action:*
        assertThat(reader.get("/records/account/" + account + "/actions").status())
                .isEqualTo(403);
        assertThat(reader.post("/records/account/" + account + "/actions/account.suspend", "reason", "no")
                        .status())
                .isEqualTo(403);
        assertThat(registry().target("account", account).state()).isEqualTo("active");

        var outsider = operatorWith("record-pages-outsiders", "workflows:view");
        assertThat(outsider.get("/accounts/" + account).status()).isEqualTo(403);
        assertThat(outsider.get("/registry").status()).isEqualTo(403);
        assertThat(outsider.get("/registry/deleted").status()).isEqualTo(403);
        assertThat(reader.get("/registry/deleted").status()).isEqualTo(403);
        assertThat(new PortalVisitor(port, "192.0.2.250")
                        .get("/accounts/" + account)
                        .location())
                .startsWith("/login");

        assertThat(reader.get("/accounts/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(reader.get("/accounts/not-an-id").status()).isEqualTo(404);
        assertThat(reader.get("/users/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(reader.get("/companies/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /**
     * A field the catalog refuses is explained beside it in the operator's language, with the declared limits in
     * the sentence; the API keeps answering in English. Failed before the reasons had keys: the page showed the
     * catalog's English ("must be an email address such as ana@example.com").
     */
    @Test
    void aRefusedFieldIsExplainedInTheOperatorsLanguage() {
        String account = registry().personalAccount(registry().person("Lena Language"));
        var operator = operatorWith(
                "record-pages-editors",
                "registry:read",
                "action:account.edit-email",
                "action:account.set-cash-out-level",
                "account_action:view");
        assertThat(operator.get("/accounts/" + account + "?lang=pl").status()).isEqualTo(200);
        var polish = operator.post(
                "/records/account/" + account + "/actions/account.edit-email",
                "email",
                "not-an-email",
                "reason",
                "client asked");
        assertThat(polish.status()).isEqualTo(422);
        assertThat(polish.html().select("#account-edit-email-email-error").text())
                .isEqualTo("Musi być adresem e-mail, np. ana@example.com.");

        assertThat(operator.get("/accounts/" + account + "?lang=pt-BR").status())
                .isEqualTo(200);
        var portuguese = operator.post(
                "/records/account/" + account + "/actions/account.set-cash-out-level",
                "level",
                "42",
                "reason",
                "client asked");
        assertThat(portuguese.status()).isEqualTo(422);
        assertThat(portuguese
                        .html()
                        .select("#account-set-cash-out-level-level-error")
                        .text())
                .isEqualTo("Deve ser no máximo 9.");
        assertThat(registry().target("account", account).state()).isEqualTo("active");

        var api = apiWith("action:account.edit-email")
                .post(
                        "/api/v1/accounts/" + account + "/actions/account.edit-email",
                        "{\"input\":{\"email\":\"not-an-email\"},\"reason\":\"client asked\"}");
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.json().at("/errors/0/message").asString())
                .isEqualTo("must be an email address such as ana@example.com");
    }

    /**
     * The actions timeline shows who did what to a record: it is served only to those who may read the record,
     * whatever actions they hold. Failed before it was gated: any signed-in operator was served it (200).
     */
    @Test
    void theTimelineNeedsRegistryReadEvenForAnOperatorWhoMayAct() {
        String account = registry().personalAccount(registry().person("Tito Timeline"));
        var actorOnly = operatorWith("record-pages-actors", "action:account.suspend", "account_action:view");
        assertThat(actorOnly.get("/records/account/" + account + "/timeline").status())
                .isEqualTo(403);
        assertThat(actorOnly.get("/records/account/" + account + "/actions").status())
                .isEqualTo(200); // the actions panel stays the action holders'
        var reader = operatorWith("record-pages-timeline-readers", "registry:read");
        assertThat(reader.get("/records/account/" + account + "/timeline").status())
                .isEqualTo(200);
    }

    @Test
    void searchFindsAPersonByDocumentAndADeletedPersonIsRestoredFromTheDeletedRecords() {
        String person = registry().person("Dora Deleted");
        String document = registry().target("person", person).identifier();
        var supervisor = operatorWith(
                "record-pages-restorers",
                "registry:read",
                "registry:deleted",
                "action:record.restore",
                "record_action:view");

        var search = supervisor.get("/registry?q=" + document);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.html()
                        .select("#registry-hits a[href=/persons/" + person + "]")
                        .text())
                .isEqualTo("Dora Deleted");
        assertThat(supervisor.get("/registry?q=x").html().select("#registry-q-error"))
                .hasSize(1);

        registry().take("person.delete", "person", person, Map.of());
        assertThat(supervisor.get("/persons/" + person).status()).isEqualTo(404);
        var deleted = supervisor.get("/registry/deleted");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.html().select("#deleted-" + person).text()).contains("Dora Deleted");

        var restored = supervisor.post(
                "/records/deleted-record/" + person + "/actions/record.restore", "reason", "deleted by mistake");
        assertThat(restored.status()).as(restored.body()).isEqualTo(302);
        assertThat(restored.location()).startsWith("/registry/deleted?invoked=");
        var page = supervisor.get("/persons/" + person);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#person-data").text()).contains("Dora Deleted", document);
    }
}
