package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsdesk.support.ApiClient;

/**
 * The registry's read API over real HTTP: keyset pages and filters, one record with what its page shows, 404 alike
 * for unknown, malformed and deleted ids, the search box, the deleted records, field errors for bad filters, and
 * that reading needs its permission.
 */
class RegistryApiIntegrationTests extends RegistryIntegrationTest {

    @Test
    void pagesAccountsNewestFirstUnderEachFilter() {
        var registry = registry();
        String person = registry.person("Nina Costa");
        String first = registry.personalAccount(person);
        String second = registry.personalAccount(person);
        String third = registry.personalAccount(person);
        registry.take("account.suspend", "account", second, Map.of());

        var page = api().get("/api/v1/accounts?holder=" + person + "&limit=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(ids(page)).containsExactly(third, second);
        String cursor = page.json().get("nextCursor").asString();
        var next = api().get("/api/v1/accounts?holder=" + person + "&limit=2&cursor=" + cursor);
        assertThat(ids(next)).containsExactly(first);
        assertThat(next.json().get("nextCursor").isNull()).isTrue();

        assertThat(ids(api().get("/api/v1/accounts?holder=" + person + "&status=suspended")))
                .containsExactly(second);
        assertThat(ids(api().get("/api/v1/accounts?holder=" + person + "&kind=business")))
                .isEmpty();
        assertThat(ids(api().get("/api/v1/accounts?holder=" + person + "&planCode=basic")))
                .hasSize(3);
        String number = registry.target("account", first).identifier();
        assertThat(ids(api().get("/api/v1/accounts?q=" + number))).containsExactly(first);
        assertThat(ids(api().get("/api/v1/accounts?q=" + number.substring(0, 8))))
                .containsExactly(first);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/accounts?status=closed|status",
                "/api/v1/accounts?kind=savings|kind",
                "/api/v1/accounts?holder=42|holder",
                "/api/v1/accounts?q=ABC|q",
                "/api/v1/accounts?limit=0|limit",
                "/api/v1/accounts?limit=501|limit",
                "/api/v1/accounts?cursor=bm90LWEtY3Vyc29y|cursor",
                "/api/v1/persons?cursor=%25%25|cursor",
                "/api/v1/companies?limit=-1|limit",
                "/api/v1/registry/search?q=a|q",
                "/api/v1/registry/search|q",
                "/api/v1/registry/deleted?kind=planet|kind",
            })
    void answersABadFilterWithItsFieldError(String path, String field) {
        var response = api().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void showsAnAccountWithItsHolderSubAccountsLimitsAndBalances() {
        var registry = registry();
        String person = registry.person("Otávio Brito");
        String account = registry.personalAccount(person);
        registry.take("sub-account.create", "account", account, Map.of("kind", "escrow", "name", "Rent deposit"));
        jdbc.sql("insert into registry.provider_balance (account_id, currency, available, blocked, read_at)"
                        + " values (?, 'BRL', 1520.75, 20.00, now())")
                .param(UUID.fromString(account))
                .update();

        var detail = api().get("/api/v1/accounts/" + account).json();
        assertThat(detail.get("account").get("status").asString()).isEqualTo("active");
        assertThat(detail.get("holder").get("name").asString()).isEqualTo("Otávio Brito");
        assertThat(detail.get("subAccounts").get(0).get("kind").asString()).isEqualTo("escrow");
        assertThat(detail.get("subAccounts").get(0).get("balance").get("value").asString())
                .isEqualTo("0.00");
        assertThat(detail.get("balances").get(0).get("available").get("value").asString())
                .isEqualTo("1520.75");
        assertThat(detail.get("limits").isArray()).isTrue();

        String user = registry.user(account, "otavio@example.com");
        assertThat(api().get("/api/v1/accounts/" + account + "/users")
                        .json()
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(user);
        assertThat(api().get("/api/v1/users/" + user + "/devices")
                        .json()
                        .get("items")
                        .isArray())
                .isTrue();
        registry.take("pix-key.create", "account", account, Map.of("keyType", "random"));
        assertThat(api().get("/api/v1/accounts/" + account + "/pix-keys")
                        .json()
                        .get("items")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("random");
        assertThat(api().get("/api/v1/accounts/" + account + "/partners")
                        .json()
                        .get("items")
                        .isEmpty())
                .isTrue();
        assertThat(api().get("/api/v1/persons/" + person)
                        .json()
                        .get("documentType")
                        .asString())
                .isEqualTo("cpf");
    }

    @Test
    void answers404AlikeForUnknownMalformedAndDeletedRecords() {
        var registry = registry();
        String person = registry.person("Paula Veiga");
        String account = registry.personalAccount(person);
        String user = registry.user(account, "paula@example.com");
        registry.take("account-user.delete", "user", user, Map.of());
        registry.take("account.cancel", "account", account, Map.of());
        registry.take("account.delete", "account", account, Map.of());
        registry.take("person.delete", "person", person, Map.of());

        for (String path : new String[] {
            "/api/v1/accounts/" + account,
            "/api/v1/accounts/" + account + "/users",
            "/api/v1/accounts/" + account + "/pix-keys",
            "/api/v1/accounts/" + account + "/partners",
            "/api/v1/accounts/" + account + "/documents",
            "/api/v1/persons/" + person,
            "/api/v1/users/" + user,
            "/api/v1/users/" + user + "/devices",
            "/api/v1/companies/" + UUID.randomUUID(),
            "/api/v1/accounts/not-an-id",
            "/api/v1/documents/" + UUID.randomUUID() + "/content",
        }) {
            var response = api().get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(ids(api().get("/api/v1/accounts?holder=" + person))).isEmpty();
    }

    @Test
    void findsRecordsByDocumentEmailPhonePixKeyNumberAndName() {
        var registry = registry();
        String person = registry.person("Quitéria Ramos");
        String account = registry.personalAccount(person);
        var target = registry.target("person", person);
        String cpf = target.identifier();
        String email = "quiteria." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        registry.take("person.update", "person", person, Map.of("email", email, "phone", "+55 31 99111-2233"));
        String randomKey = registry.take("pix-key.create", "account", account, Map.of("keyType", "random"))
                .changes()
                .get("key");

        String printedCpf =
                cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
        assertThat(hits(printedCpf)).contains("person:" + person + ":documentNumber");
        assertThat(hits(email.toUpperCase())).contains("person:" + person + ":email");
        assertThat(hits("+5531991112233")).contains("person:" + person + ":phone");
        assertThat(hits(randomKey)).containsExactly("account:" + account + ":pixKey");
        assertThat(hits(registry.target("account", account).identifier()))
                .containsExactly("account:" + account + ":number");
        assertThat(hits("quitéria ram")).contains("person:" + person + ":name");
        assertThat(hits("100%_no_such_name")).isEmpty();
    }

    @Test
    void listsDeletedRecordsWithWhoWhenAndWhy() {
        var registry = registry();
        String company = registry.company("Apagada Ltda");
        registry.take("company.delete", "company", company, Map.of());

        var response = api().get("/api/v1/registry/deleted?kind=company&limit=500");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var page = response.json();
        var found = new ArrayList<String>();
        page.get("items").forEach(item -> {
            if (item.get("id").asString().equals(company)) {
                found.add(item.get("deletedBy").asString() + " / "
                        + item.get("reason").asString() + " / "
                        + item.get("label").asString());
                assertThat(item.get("deletedAt").asString()).isNotBlank();
            }
        });
        assertThat(found).singleElement().asString().startsWith("system:registry-tests / registry test / Apagada Ltda");

        String another = registry.company("Apagada Também Ltda");
        registry.take("company.delete", "company", another, Map.of());
        var seen = new java.util.HashSet<String>();
        String cursor = "";
        for (int pages = 0; pages < 1000 && !seen.containsAll(java.util.List.of(company, another)); pages++) {
            var one = api().get("/api/v1/registry/deleted?kind=company&limit=1" + cursor)
                    .json();
            assertThat(one.get("items")).hasSize(1);
            assertThat(seen.add(one.get("items").get(0).get("id").asString()))
                    .as("no record twice")
                    .isTrue();
            cursor = "&cursor=" + one.get("nextCursor").asString();
        }
        assertThat(seen).contains(company, another);
    }

    @Test
    void listsPersonsFilteredByTheStartOfTheirNameInNameOrder() {
        var registry = registry();
        String prefix = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String beta = registry.person(prefix + " Beta");
        String alpha = registry.person(prefix + " alpha");
        String gamma = registry.person(prefix + " Gamma");

        var first = api().get("/api/v1/persons?limit=2&name=" + prefix.toLowerCase());
        assertThat(ids(first)).containsExactly(alpha, beta);
        var next = api().get("/api/v1/persons?limit=2&name=" + prefix.toLowerCase() + "&cursor="
                + first.json().get("nextCursor").asString());
        assertThat(ids(next)).containsExactly(gamma);
        assertThat(api().get("/api/v1/persons?name=" + prefix + "&cursor="
                                + first.json().get("nextCursor").asString().substring(0, 6))
                        .status())
                .isEqualTo(422);
        String nul = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        (java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("a\0b".getBytes()) + "|"
                                        + alpha)
                                .getBytes());
        var refused = api().get("/api/v1/persons?name=" + prefix + "&cursor=" + nul);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(ids(api().get("/api/v1/persons?limit=500"))).contains(alpha, beta, gamma);
    }

    @Test
    void readingNeedsTheRegistrysPermissions() {
        String account = registry().personalAccount(registry().person("Rita Sá"));
        ApiClient reader = apiWith(RegistryPermissions.READ);
        assertThat(reader.get("/api/v1/accounts/" + account).status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/registry/deleted").status()).isEqualTo(403);
        ApiClient other = apiWith("clients:view");
        assertThat(other.get("/api/v1/accounts/" + account).status()).isEqualTo(403);
        assertThat(other.get("/api/v1/registry/search?q=Rita").status()).isEqualTo(403);
        assertThat(apiWith(RegistryPermissions.DELETED)
                        .get("/api/v1/registry/deleted")
                        .status())
                .isEqualTo(200);
    }

    private java.util.List<String> hits(String q) {
        var response = api().get("/api/v1/registry/search?q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var hits = new ArrayList<String>();
        response.json()
                .get("items")
                .forEach(hit -> hits.add(hit.get("kind").asString() + ":"
                        + hit.get("id").asString() + ":" + hit.get("matchedOn").asString()));
        return hits;
    }

    private static java.util.List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
