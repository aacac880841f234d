package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsdesk.access.gate.PermissionGate;
import org.opsdesk.access.keys.ApiKeySecrets;
import org.opsdesk.access.keys.ApiKeyStore;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.access.roles.Role;
import org.opsdesk.access.roles.RoleStore;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.Operations;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint the application maps (read from Spring MVC's own handler mapping, not a hand-kept list) is
 * called by every built-in role (an API key holding exactly the role's permissions), by an anonymous caller and
 * by a revoked key. Each answer must be "allowed" or "refused" exactly as the endpoint's declared permission and
 * the caller's permissions say. Every console page is opened the same way by an operator of each built-in role
 * (signed in through the sign-in pages, with TOTP where the role requires it) and anonymously; every console
 * form is posted without its CSRF token and must be refused. The matrices go to target/authorization-matrix.md
 * and target/console-matrix.md.
 */
class AuthorizationMatrixIntegrationTests extends SignInTestSupport {

    /** Path variables the matrix knows how to fill; a new one must be added here, consciously. */
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static final String OBJECT_TYPE = "withdrawal";

    /**
     * Endpoints that authenticate the request by a signature over its body rather than by a key or a session (the
     * provider's outcome callback): no caller of the matrix signs, so every one — an administrator's key included —
     * must get 401.
     */
    private static final Set<String> SIGNED = Set.of("POST /api/v1/provider/outcomes");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    RoleStore roles;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    Workflows workflows;

    @Autowired
    PermissionCatalog catalog;

    @Autowired
    List<org.opsdesk.actions.ActionHandler> actionHandlers;

    @Autowired
    List<org.opsdesk.actions.ActionTargets> actionTargets;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /** The registry's records, made through its action handlers as the catalog will make them. */
    private org.opsdesk.support.RegistryActions registry() {
        return new org.opsdesk.support.RegistryActions(actionHandlers, actionTargets, transactions);
    }

    /** What the permissions say a caller should get. */
    enum Expected {
        ALLOWED,
        REFUSED,
        /**
         * The caller holds the per-type permission for other types but not for the object's: the gate lets them
         * in, and the module refuses on the object unless the request body is invalid, which is answered first.
         */
        ALLOWED_OR_REFUSED
    }

    record Endpoint(String method, String pattern, String permission, boolean readsBody) {
        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        /** Endpoints on one object of {@value #OBJECT_TYPE}: an operation or an approval request on one. */
        boolean onOperation() {
            return pattern.startsWith("/api/v1/operations/{id}") || pattern.startsWith("/api/v1/approvals/{id}");
        }
    }

    record Caller(String name, ApiClient client, Permissions permissions, boolean authenticated) {}

    @Test
    void everyHandlerDeclaresThePermissionItNeeds() {
        var undeclared = new ArrayList<String>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (PermissionGate.isOwn(handler)
                    && PermissionGate.declaredPermission(handler).isEmpty()) {
                undeclared.add(info + " -> " + handler);
            }
        });
        assertThat(undeclared).as("handlers without @RequiresPermission").isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(25);
    }

    /**
     * The matrix expects what the catalog says: a handler declaring a permission no module contributes (a typo, or a
     * name spelled outside its module's constants) would be refused to everyone but {@code *} and never show up in
     * the role editor, so it fails here.
     */
    @Test
    void everyPermissionAHandlerNeedsIsOneTheCatalogKnows() {
        var known = catalog.names();
        var unknown = new ArrayList<String>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (PermissionGate.isOwn(handler)) {
                PermissionGate.declaredPermission(handler)
                        .filter(declared -> !knownTo(known, declared))
                        .ifPresent(declared -> unknown.add(declared + " <- " + info + " -> " + handler));
            }
        });
        assertThat(unknown)
                .as("permissions handlers need that the catalog does not know")
                .isEmpty();
        assertThat(knownTo(known, "exprots:run"))
                .as("the check recognises a name no module contributes")
                .isFalse();
        assertThat(knownTo(known, RequiresPermission.TYPE_PLACEHOLDER + ":refund"))
                .isFalse();
        for (Role role : roles.all()) {
            if (role.builtIn()) {
                assertThat(role.permissions())
                        .as("the built-in role %s holds only what the catalog knows", role.name())
                        .allMatch(permission -> knownTo(known, permission));
            }
        }
    }

    /**
     * Whether a declared permission is in the catalog: a name as it is, a per-type template for every type, a family
     * {@code prefix:*} when the catalog has a name under it (for every type when it is per-type).
     */
    private boolean knownTo(Set<String> known, String declared) {
        if (declared.equals(RequiresPermission.SIGNED_IN) || declared.equals(RequiresPermission.ANYONE)) {
            return true;
        }
        if (declared.contains(RequiresPermission.TYPE_PLACEHOLDER)) {
            return catalog.types().stream()
                    .allMatch(type -> knownTo(known, declared.replace(RequiresPermission.TYPE_PLACEHOLDER, type)));
        }
        if (declared.equals(Permissions.ALL) || known.contains(declared)) {
            return true;
        }
        return declared.endsWith(":*")
                && known.stream().anyMatch(name -> name.startsWith(declared.substring(0, declared.length() - 1)));
    }

    @Test
    void everyApiEndpointAnswersEveryRoleAsItsPermissionSays() throws IOException {
        var callers = callers();
        var mismatches = new ArrayList<String>();
        var table = new StringBuilder("| endpoint | permission |");
        callers.forEach(c -> table.append(' ').append(c.name()).append(" |"));
        table.append("\n|---|---|").append("---|".repeat(callers.size())).append('\n');

        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.isApi()) {
                continue;
            }
            table.append("| ")
                    .append(endpoint.method())
                    .append(' ')
                    .append(endpoint.pattern())
                    .append(" | ")
                    .append(endpoint.permission())
                    .append(" |");
            for (Caller caller : callers) {
                String path = concrete(endpoint);
                var response = call(caller.client(), endpoint.method(), path);
                boolean refused = response.status() == 401 || response.status() == 403 || response.status() == 404;
                Expected expected = expected(endpoint, caller);
                table.append(' ').append(response.status()).append(" |");
                if (SIGNED.contains(endpoint.method() + " " + endpoint.pattern())) {
                    if (response.status() != 401) {
                        mismatches.add(describe(endpoint, caller, path, response, "expected 401 (signed endpoint)"));
                    }
                } else if (response.status() >= 500) {
                    mismatches.add(describe(endpoint, caller, path, response, "server error"));
                } else if ((expected == Expected.ALLOWED && refused) || (expected == Expected.REFUSED && !refused)) {
                    mismatches.add(describe(endpoint, caller, path, response, "expected " + expected));
                } else if (!caller.authenticated()
                        && !endpoint.permission().equals(RequiresPermission.ANYONE)
                        && response.status() != 401) {
                    mismatches.add(describe(endpoint, caller, path, response, "expected 401"));
                }
            }
            table.append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/authorization-matrix.md"), table);
        assertThat(mismatches)
                .as("authorization mismatches (see target/authorization-matrix.md)")
                .isEmpty();
    }

    @Test
    void everyConsolePageAnswersEveryRoleAsItsPermissionSaysAndEveryFormNeedsItsCsrfToken() throws Exception {
        var browsers = new LinkedHashMap<String, ConsoleClient>();
        var held = new LinkedHashMap<String, Permissions>();
        for (Role role : roles.all()) {
            if (!role.builtIn()) {
                continue;
            }
            String username = operator(role.name());
            var browser = browser();
            browser.signIn(username, PASSWORD);
            if (role.mfaRequired()) {
                enrol(browser);
            }
            assertThat(browser.get("/").status())
                    .as("%s is signed in", role.name())
                    .isEqualTo(200);
            browsers.put(role.name(), browser);
            held.put(role.name(), new Permissions(role.permissions()));
        }
        browsers.put("anonymous", browser());
        held.put("anonymous", Permissions.none());
        var revoked = browser().header("Authorization", "Bearer " + ApiKeySecrets.generate());
        browsers.put("api key", revoked); // keys open no console page: the console knows only sessions
        held.put("api key", Permissions.none());

        var mismatches = new ArrayList<String>();
        var table = new StringBuilder("| page | permission |");
        browsers.keySet().forEach(name -> table.append(' ').append(name).append(" |"));
        table.append("\n|---|---|").append("---|".repeat(browsers.size())).append('\n');
        var pages = endpoints().stream()
                .filter(e -> !e.isApi() && !e.pattern().equals("/error"))
                .toList();
        assertThat(pages).extracting(Endpoint::pattern).contains("/", "/login", "/account/mfa");
        for (Endpoint page : pages) {
            String path = concrete(page);
            table.append("| ")
                    .append(page.method())
                    .append(' ')
                    .append(page.pattern())
                    .append(" | ")
                    .append(page.permission())
                    .append(" |");
            for (var entry : browsers.entrySet()) {
                String caller = entry.getKey();
                boolean signedIn = !caller.equals("anonymous") && !caller.equals("api key");
                if (page.method().equals("GET")) {
                    var answer = entry.getValue().get(path);
                    table.append(' ').append(answer.status()).append(" |");
                    boolean refused = answer.status() == 401
                            || answer.status() == 403
                            || answer.status() == 404
                            || (answer.status() == 302 && answer.location().endsWith("/login"));
                    String permission = page.permission();
                    Boolean allowed = permission.equals(RequiresPermission.ANYONE)
                            ? null
                            : permission.equals(RequiresPermission.SIGNED_IN)
                                    ? Boolean.valueOf(signedIn)
                                    : Boolean.valueOf(signedIn && allowsPage(held.get(caller), page));
                    if (answer.status() >= 500 || (allowed != null && allowed == refused)) {
                        mismatches.add(
                                caller + " GET " + page.pattern() + " (" + permission + ") -> " + answer.status());
                    }
                } else {
                    var answer = entry.getValue().postWithoutToken(path);
                    table.append(' ').append(answer.status()).append(" |");
                    if (answer.status() != 403) {
                        mismatches.add(caller + " " + page.method() + " " + page.pattern() + " without a CSRF token -> "
                                + answer.status());
                    }
                }
            }
            table.append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/console-matrix.md"), table);
        assertThat(mismatches)
                .as("console authorization mismatches (see target/console-matrix.md)")
                .isEmpty();
        for (var entry : browsers.entrySet()) {
            if (!entry.getKey().equals("anonymous") && !entry.getKey().equals("api key")) {
                assertThat(entry.getValue().get("/").status())
                        .as("%s is still signed in: the forged posts changed nothing", entry.getKey())
                        .isEqualTo(200);
            }
        }
    }

    /**
     * Whether these permissions open a console page: a per-type permission for at least one type, or — on one
     * operation ({@code /operations/{id}}, filled with a {@value #OBJECT_TYPE}) — for that operation's type.
     */
    private boolean allowsPage(Permissions held, Endpoint page) {
        String permission = page.permission();
        if (!permission.contains(RequiresPermission.TYPE_PLACEHOLDER)) {
            return held.allowsSomethingUnder(permission);
        }
        if (page.pattern().startsWith("/operations/{id}")) {
            return held.allows(OperationPermissions.view(OBJECT_TYPE))
                    && held.allowsSomethingUnder(permission.replace(RequiresPermission.TYPE_PLACEHOLDER, OBJECT_TYPE));
        }
        return workflows.all().stream()
                .anyMatch(w ->
                        held.allowsSomethingUnder(permission.replace(RequiresPermission.TYPE_PLACEHOLDER, w.type())));
    }

    /**
     * The action catalog's endpoints let in whoever holds some {@code action:*} and then check the exact {@code
     * action:<id>} of the action the path names: the permission of the action each fixture invokes.
     */
    private static final Map<String, String> ACTION_ENDPOINTS = Map.of(
            "POST /api/v1/{collection}/{id}/actions/{actionId}", "action:test-widget.suspend",
            "POST /api/v1/{collection}/actions/{actionId}", "action:test-widget.create",
            "DELETE /api/v1/{collection}/{id}", "action:test-widget.delete",
            "POST /api/v1/accounts", "action:account.open",
            "POST /api/v1/persons", "action:person.create",
            "POST /api/v1/companies", "action:company.create");

    private Expected expected(Endpoint endpoint, Caller caller) {
        String exactAction = ACTION_ENDPOINTS.get(endpoint.method() + " " + endpoint.pattern());
        if (exactAction != null && caller.authenticated() && !catalog.names().contains(exactAction)) {
            return Expected.REFUSED; // a short form whose action no module declares: 404 for everyone
        }
        String permission = exactAction != null && caller.authenticated() ? exactAction : endpoint.permission();
        if (permission.equals(RequiresPermission.ANYONE)) {
            return Expected.ALLOWED;
        }
        if (!caller.authenticated()) {
            return Expected.REFUSED;
        }
        if (permission.equals(RequiresPermission.SIGNED_IN)) {
            return Expected.ALLOWED;
        }
        Permissions held = caller.permissions();
        if (!permission.contains(RequiresPermission.TYPE_PLACEHOLDER)) {
            return held.allowsSomethingUnder(permission) ? Expected.ALLOWED : Expected.REFUSED;
        }
        if (endpoint.onOperation()) {
            String onThisType = permission.replace(RequiresPermission.TYPE_PLACEHOLDER, OBJECT_TYPE);
            if (!held.allows(OperationPermissions.view(OBJECT_TYPE))) {
                return Expected.REFUSED; // not found, whatever else they hold
            }
            if (held.allowsSomethingUnder(onThisType)) {
                return Expected.ALLOWED;
            }
        }
        boolean anyType = workflows.all().stream()
                .anyMatch(w ->
                        held.allowsSomethingUnder(permission.replace(RequiresPermission.TYPE_PLACEHOLDER, w.type())));
        if (!anyType) {
            return Expected.REFUSED;
        }
        if (!endpoint.onOperation()) {
            return Expected.ALLOWED;
        }
        return endpoint.readsBody() ? Expected.ALLOWED_OR_REFUSED : Expected.REFUSED;
    }

    private List<Endpoint> endpoints() {
        var endpoints = new ArrayList<Endpoint>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!PermissionGate.isOwn(handler)) {
                continue;
            }
            String permission = PermissionGate.declaredPermission(handler).orElse("(undeclared)");
            boolean readsBody = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class));
            var methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint("GET", pattern, permission, readsBody));
                }
                methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern, permission, readsBody)));
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** Every built-in role as a key holding exactly its permissions, anonymous, and a revoked key. */
    private List<Caller> callers() {
        var callers = new ArrayList<Caller>();
        for (Role role : roles.all()) {
            if (!role.builtIn()) {
                continue;
            }
            String secret = ApiKeySecrets.generate();
            keys.create(
                    "matrix-" + role.name(),
                    secret,
                    List.copyOf(role.permissions()),
                    Instant.now().plus(java.time.Duration.ofDays(1)),
                    "tests",
                    Instant.now());
            callers.add(new Caller(role.name(), api().withKey(secret), new Permissions(role.permissions()), true));
        }
        assertThat(callers)
                .extracting(Caller::name)
                .contains("admin", "supervisor", "operator", "cashier", "support", "compliance", "auditor");
        callers.add(
                new Caller("anonymous", new ApiClient("http://127.0.0.1:" + port, null), Permissions.none(), false));
        String revoked = ApiKeySecrets.generate();
        UUID revokedId = keys.create(
                "matrix-revoked",
                revoked,
                List.of(Permissions.ALL),
                Instant.now().plus(java.time.Duration.ofDays(1)),
                "tests",
                Instant.now());
        keys.revoke(revokedId, Instant.now());
        callers.add(new Caller("revoked key", api().withKey(revoked), Permissions.all(), false));
        return callers;
    }

    /** A client registered on the portal (its row as registration writes it), for the console's portal pages. */
    private String freshPortalClient() {
        var id = java.util.UUID.randomUUID();
        jdbc.sql("insert into portal.client (id, subject, kind, display_name, email, phone, password_hash, locale,"
                        + " details, email_consent, sms_consent, created_at, updated_at) values (?, ?, 'person',"
                        + " 'Matrix Client', ?, '+48600100200', '{argon2}x', 'en', '{\"kind\":\"person\"}'::jsonb,"
                        + " false, false, now(), now())")
                .params(id, "portal-" + id, "matrix-" + id + "@example.com")
                .update();
        return id.toString();
    }

    /** A finished statement import (its row as an import that read nothing new leaves it). */
    private String statementImport() {
        var id = UUID.randomUUID();
        jdbc.sql("insert into banking.statement_import (id, file_sha256, file_size, format, variant, state,"
                        + " created_by_kind, created_by_id, created_by_name, started_at, finished_at)"
                        + " values (?, sha256('matrix'::bytea), 6, 'MT940', 'MT940', 'DONE', 'api_key', 'matrix',"
                        + " 'matrix', now(), now())")
                .param(id)
                .update();
        return id.toString();
    }

    /** The pattern with each variable filled by a fresh object of the right kind. */
    private String concrete(Endpoint endpoint) {
        Map<String, Supplier<String>> fixtures = new LinkedHashMap<>();
        String pattern = endpoint.pattern();
        fixtures.put("type", () -> OBJECT_TYPE);
        fixtures.put("username", this::freshOperator);
        fixtures.put("name", this::freshRole);
        fixtures.put("subject", this::freshClient);
        // a dead letter's kind (the id is then an operation's); on the record pages' catalog panels, an account
        fixtures.put("kind", () -> pattern.startsWith("/records/") ? "account" : "timer");
        // a currency of the exchange desk's dictionary, and a pair with a rate (MNT/KGS: no other test uses them)
        fixtures.put("code", () -> "MNT");
        fixtures.put("base", this::exchangePair);
        fixtures.put("quote", () -> "KGS");
        // a pending rate change is posted to only without a CSRF token: any id shows the refusal
        fixtures.put("request", () -> UUID.randomUUID().toString());
        // an item of the payout batch the {id} fixture just made
        fixtures.put("itemId", () -> lastPayoutItem);
        // the action catalog's records: the test-only widgets (org.opsdesk.actions.TestWidgets)
        fixtures.put("collection", () -> "test-widgets");
        // (on the record pages' panels an account's: the form of one every role holding an action may open)
        fixtures.put(
                "actionId",
                () -> pattern.startsWith("/records/")
                        ? "account.suspend"
                        : pattern.contains("{id}") ? "test-widget.suspend" : "test-widget.create");
        // a statement entry waiting in the payments queue (no candidate order: nothing a decision could move)
        fixtures.put(
                "entryId",
                () -> String.valueOf(org.opsdesk.banking.matching.TestStatements.queuedWithoutCandidate(jdbc)));
        // an operation whose action's outcome at the provider is pending
        fixtures.put("operationId", this::pendingProviderOutcome);
        fixtures.put("id", () -> {
            if (pattern.startsWith("/api/v1/operations/")
                    || pattern.startsWith("/operations/")
                    || pattern.startsWith("/api/v1/dead-letters/")) {
                return create(Operations.withdrawal()).get("id").asString();
            }
            if (pattern.startsWith("/api/v1/approvals/") || pattern.startsWith("/approvals/")) {
                return pendingApproval();
            }
            if (pattern.startsWith("/api/v1/api-keys/") || pattern.startsWith("/admin/api-keys/")) {
                return keys.create(
                                "matrix-target",
                                ApiKeySecrets.generate(),
                                List.of(OperationPermissions.view("deposit")),
                                Instant.now().plus(java.time.Duration.ofDays(1)),
                                "tests",
                                Instant.now())
                        .toString();
            }
            if (pattern.startsWith("/api/v1/webhooks/") || pattern.startsWith("/admin/webhooks/")) {
                var created = api().post(
                                "/api/v1/webhooks",
                                "{\"url\":\"https://93.184.215.14/matrix\",\"eventTypes\":[\"*\"]}");
                if (created.status() != 201) {
                    throw new AssertionError("webhook fixture: " + created.status() + " " + created.body());
                }
                return created.json().get("id").asString();
            }
            if (pattern.startsWith("/api/v1/exchange/statement-mappings/")) {
                var saved = api().post(
                                "/api/v1/exchange/statement-mappings",
                                org.opsdesk.banking.StatementTexts.csvMapping("matrix " + UUID.randomUUID()));
                if (saved.status() != 201) {
                    throw new AssertionError("statement mapping fixture: " + saved.status() + " " + saved.body());
                }
                return saved.json().get("id").asString();
            }
            if (pattern.startsWith("/exchange/statements/uploads/")) {
                return statementUpload();
            }
            if (pattern.startsWith("/exchange/balances/")) {
                return org.opsdesk.banking.StatementTexts.account(api(), "ILS").id();
            }
            if (pattern.startsWith("/api/v1/exchange/bank-accounts/")
                    || pattern.startsWith("/exchange/bank-accounts/")) {
                var created = api().post(
                                "/api/v1/exchange/bank-accounts",
                                "{\"bankName\":\"Matrix Bank\",\"bic\":\"BREXPLPW\",\"accountNumber\":\""
                                        + Math.abs(UUID.randomUUID().getMostSignificantBits())
                                        + "\",\"currency\":\"PLN\",\"purpose\":\"both\"}");
                if (created.status() != 201) {
                    throw new AssertionError("bank account fixture: " + created.status() + " " + created.body());
                }
                return created.json().get("id").asString();
            }
            if (pattern.startsWith("/api/v1/exchange/orders/")) {
                return exchangeOrder();
            }
            if (pattern.startsWith("/api/v1/exchange/payout-batches/") || pattern.startsWith("/exchange/payouts/")) {
                return payoutBatch();
            }
            if (pattern.startsWith("/api/v1/exchange/rate-requests/")) {
                String order = exchangeOrder();
                var asked = api().post(
                                "/api/v1/exchange/orders/" + order + "/rate",
                                "{\"rate\":\"1.9000\",\"reason\":\"matrix fixture\"}");
                if (asked.status() != 202) {
                    throw new AssertionError("rate request fixture: " + asked.status() + " " + asked.body());
                }
                return asked.json().get("rateRequest").asString();
            }
            if (pattern.startsWith("/api/v1/notifications/")) {
                var hook = api().post(
                                "/api/v1/webhooks",
                                "{\"url\":\"https://93.184.215.14/matrix\",\"eventTypes\":[\"*\"],\"enabled\":false}");
                if (hook.status() != 201) {
                    throw new AssertionError("notification fixture: " + hook.status() + " " + hook.body());
                }
                var test = api().post(
                                "/api/v1/webhooks/" + hook.json().get("id").asString() + "/test",
                                "{\"eventType\":\"operation.status_changed\"}");
                if (test.status() != 202) {
                    throw new AssertionError("notification fixture: " + test.status() + " " + test.body());
                }
                return test.json().get("id").asString();
            }
            if (pattern.startsWith("/api/v1/{collection}/")) {
                return org.opsdesk.actions.TestWidgets.widget("active").id();
            }
            if (pattern.startsWith("/api/v1/provider/settlements/")) {
                var asked = api().post(
                                "/api/v1/provider/outcomes/" + pendingProviderOutcome() + "/settle",
                                "{\"outcome\":\"done\",\"reason\":\"matrix fixture\"}");
                if (asked.status() != 202) {
                    throw new AssertionError("settlement fixture: " + asked.status() + " " + asked.body());
                }
                return asked.json().get("id").asString();
            }
            // the registry's record pages, and the catalog's panels on them ({kind} is an account there)
            if (pattern.startsWith("/accounts/") || pattern.startsWith("/records/")) {
                return registry().personalAccount(registry().person("Matrix Page Holder"));
            }
            if (pattern.startsWith("/persons/")) {
                return registry().person("Matrix Page Person");
            }
            if (pattern.startsWith("/companies/")) {
                return registry().company("Matrix Page Company Ltda");
            }
            if (pattern.startsWith("/users/")) {
                String account = registry().personalAccount(registry().person("Matrix Page Holder"));
                return registry().user(account, "matrix.page." + UUID.randomUUID() + "@example.com");
            }
            if (pattern.startsWith("/api/v1/persons/")) {
                return registry().person("Matrix Person");
            }
            if (pattern.startsWith("/api/v1/companies/")) {
                return registry().company("Matrix Company Ltda");
            }
            if (pattern.startsWith("/api/v1/accounts/")) {
                return registry().personalAccount(registry().person("Matrix Holder"));
            }
            if (pattern.startsWith("/api/v1/users/")) {
                String account = registry().personalAccount(registry().person("Matrix Holder"));
                return registry().user(account, "matrix." + UUID.randomUUID() + "@example.com");
            }
            if (pattern.startsWith("/api/v1/documents/")) {
                String account = registry().personalAccount(registry().person("Matrix Holder"));
                var pdf = new org.opsdesk.actions.ActionInput.Upload(
                        "matrix.pdf",
                        "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return registry()
                        .take("document.upload", "account", account, Map.of("file", pdf))
                        .changes()
                        .get("document");
            }
            if (pattern.startsWith("/portal-clients/")) {
                return freshPortalClient();
            }
            if (pattern.startsWith("/api/v1/exchange/statements/imports/")
                    || pattern.startsWith("/exchange/statements/imports/")) {
                return statementImport();
            }
            if (pattern.startsWith("/portal/orders/")) {
                return UUID.randomUUID().toString(); // the portal's own chain decides: no console caller gets in
            }
            throw new AssertionError("the matrix has no fixture for {id} in " + pattern + "; add one");
        });
        Matcher matcher = VARIABLE.matcher(pattern);
        var path = new StringBuilder();
        while (matcher.find()) {
            var fixture = fixtures.get(matcher.group(1));
            if (fixture == null) {
                throw new AssertionError("the matrix has no fixture for {" + matcher.group(1) + "} in " + pattern);
            }
            matcher.appendReplacement(path, fixture.get());
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A console upload that ended refused (nothing for the background importer to do): its id. */
    private String statementUpload() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into banking.statement_upload (id, file_sha256, file_name, file_size, state, refusal,"
                        + " attempts, uploaded_by_kind, uploaded_by_id, uploaded_by_name, uploaded_by_person,"
                        + " uploaded_by_permissions, uploaded_at, finished_at) values (?, ?, 'matrix.sta', 1,"
                        + " 'REFUSED', '{\"status\":422,\"code\":\"MALFORMED\",\"detail\":\"matrix\","
                        + "\"errors\":[]}', 1, 'system', 'matrix', 'matrix', 'system:matrix', '{}', now(), now())")
                .params(id, new byte[32])
                .update();
        return id.toString();
    }

    /** Makes sure MNT/KGS is a pair with a rate (both currencies enabled); its base. */
    private String exchangePair() {
        for (String code : List.of("MNT", "KGS")) {
            var enabled = api().put("/api/v1/exchange/currencies/" + code, "{\"enabled\":true}");
            if (enabled.status() != 200) {
                throw new AssertionError("currency fixture: " + enabled.status() + " " + enabled.body());
            }
        }
        var rate = api().put("/api/v1/exchange/rates/MNT/KGS", "{\"buy\":\"1.0500\",\"sell\":\"1.1000\"}");
        if (rate.status() != 200) {
            throw new AssertionError("rate fixture: " + rate.status() + " " + rate.body());
        }
        return "MNT";
    }

    /** An exchange order on the MNT/KGS pair, paid in KGS into an account the fixture adds. */
    private String exchangeOrder() {
        exchangePair();
        var account = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"bankName\":\"Matrix Bank\",\"bic\":\"BREXPLPW\",\"accountNumber\":\""
                                + Math.abs(UUID.randomUUID().getMostSignificantBits())
                                + "\",\"currency\":\"KGS\",\"purpose\":\"both\"}");
        if (account.status() != 201) {
            throw new AssertionError("exchange account fixture: " + account.status() + " " + account.body());
        }
        var order = api().post(
                        "/api/v1/exchange/orders",
                        "{\"subject\":\"matrix-client\",\"base\":\"MNT\",\"quote\":\"KGS\",\"side\":\"buy\","
                                + "\"amount\":{\"value\":\"100.00\",\"currency\":\"MNT\"},"
                                + "\"payoutAccount\":{\"iban\":\"DE89370400440532013000\",\"name\":\"Matrix Client\"}}");
        if (order.status() != 201) {
            throw new AssertionError("exchange order fixture: " + order.status() + " " + order.body());
        }
        return order.json().get("id").asString();
    }

    private String lastPayoutItem = "";

    /**
     * An open payout batch of one MXN order (paid in CAD) waiting for payout from an office account at a bank of its
     * own; its first item is kept for the {itemId} fixture. MXN and CAD are the payout tests' currencies.
     */
    private String payoutBatch() {
        for (String code : List.of("MXN", "CAD")) {
            expect(api().put("/api/v1/exchange/currencies/" + code, "{\"enabled\":true}"), 200, "currency");
        }
        expect(api().put("/api/v1/exchange/rates/MXN/CAD", "{\"buy\":\"0.0700\",\"sell\":\"0.0800\"}"), 200, "rate");
        String bank =
                String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000_000, 89_999_999));
        for (String currency : List.of("CAD", "MXN")) {
            expect(
                    api().post(
                                    "/api/v1/exchange/bank-accounts",
                                    "{\"bankName\":\"Matrix Payout Bank\",\"iban\":\""
                                            + org.opsdesk.banking.payouts.PayoutIbans.german(bank)
                                            + "\",\"currency\":\"" + currency + "\",\"purpose\":\"both\"}"),
                    201,
                    "payout account");
        }
        var order = api().post(
                        "/api/v1/exchange/orders",
                        "{\"subject\":\"matrix-client\",\"base\":\"MXN\",\"quote\":\"CAD\",\"side\":\"buy\","
                                + "\"amount\":{\"value\":\"100.00\",\"currency\":\"MXN\"},\"payoutAccount\":{\"iban\":\""
                                + org.opsdesk.banking.payouts.PayoutIbans.german(bank)
                                + "\",\"name\":\"Matrix Client\"}}");
        expect(order, 201, "payout order");
        String id = order.json().get("id").asString();
        expect(transition(id, "funds_received", null), 200, "payout order paid");
        expect(transition(id, "payout_pending", null), 200, "payout order waiting");
        String account =
                order.json().get("payoutAccount").get("fromBankAccountId").asString();
        var batch = api().post("/api/v1/exchange/payout-batches", "{\"bankAccountId\":\"" + account + "\"}");
        expect(batch, 201, "payout batch");
        lastPayoutItem = batch.json().get("items").get(0).get("id").asString();
        return batch.json().get("id").asString();
    }

    private static void expect(ApiClient.Response response, int status, String fixture) {
        if (response.status() != status) {
            throw new AssertionError(fixture + " fixture: " + response.status() + " " + response.body());
        }
    }

    /** A withdrawal standing for an action whose outcome the provider has not given yet (the resolver's row). */
    private String pendingProviderOutcome() {
        String id = create(Operations.withdrawal()).get("id").asString();
        jdbc.sql("insert into provider.pending_outcome (operation_id, action_id, state, why, next_check_at,"
                        + " created_at) values (?::uuid, 'account.sync-status', 'pending', 'matrix fixture',"
                        + " now() + interval '1 hour', now())")
                .param(id)
                .update();
        return id;
    }

    /** A withdrawal above the four-eyes threshold, sent for approval by the bootstrap key. */
    private String pendingApproval() {
        String id = create(Operations.withdrawal().amount("5000.00", "EUR"))
                .get("id")
                .asString();
        assertThat(transition(id, "under_review", null).status()).isEqualTo(200);
        var requested = transition(id, "approved", null);
        assertThat(requested.status()).isEqualTo(202);
        return requested.json().get("id").asString();
    }

    private String freshOperator() {
        String username = "matrix." + UUID.randomUUID().toString().substring(0, 8);
        var created = api().post(
                        "/api/v1/operators",
                        """
                {"username":"%s","displayName":"Matrix","password":"matrix-passphrase-long","roles":["support"]}"""
                                .formatted(username));
        assertThat(created.status()).isEqualTo(201);
        return username;
    }

    private String freshRole() {
        String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post(
                                "/api/v1/roles",
                                """
                                {"name":"%s","permissions":["%s"]}"""
                                        .formatted(name, OperationPermissions.view("deposit")))
                        .status())
                .isEqualTo(201);
        return name;
    }

    private String freshClient() {
        String subject = "matrix-client-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().put(
                                "/api/v1/clients/" + subject,
                                """
                                {"name":"Matrix Client","locale":"en"}""")
                        .status())
                .isEqualTo(201);
        return subject;
    }

    private static ApiClient.Response call(ApiClient client, String method, String path) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return client.send(client.request(path).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
        }
        String contentType = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        return client.send(client.request(path, "Content-Type", contentType)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static String describe(
            Endpoint endpoint, Caller caller, String path, ApiClient.Response response, String why) {
        return why + ": " + caller.name() + " " + endpoint.method() + " " + path + " (" + endpoint.permission()
                + ") -> " + response.status() + " " + abbreviate(response.body());
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
