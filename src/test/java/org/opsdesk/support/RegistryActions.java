package org.opsdesk.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the registry's actions as the catalog will, through the published SPI only: the target found by its kind's
 * {@link ActionTargets} (404 when absent), the handler's availability (409 with its reason), its checks, then its
 * effect inside a transaction. The catalog itself (permissions, four-eyes, operations) is tested on its own; this
 * is how the registry's tests, and the fixtures of other tests, make and change records.
 */
public final class RegistryActions {

    public static final CurrencyCode BRL = new CurrencyCode("BRL", 2);

    private final Map<String, ActionHandler> handlers;
    private final Map<String, ActionTargets> targets;
    private final TransactionTemplate transactions;
    private final Actor maker = Actor.system("registry-tests");

    public RegistryActions(
            List<ActionHandler> handlers, List<ActionTargets> targets, TransactionTemplate transactions) {
        this.handlers = handlers.stream().collect(Collectors.toMap(ActionHandler::actionId, Function.identity()));
        this.targets = targets.stream().collect(Collectors.toMap(ActionTargets::kind, Function.identity()));
        this.transactions = transactions;
    }

    /** The record as the catalog sees it, or {@link NotFound}. */
    public ActionTarget target(String kind, String id) {
        return targets.get(kind).find(id, maker).orElseThrow(() -> new NotFound(kind, id));
    }

    /** Takes an action on a record of {@code kind}; {@code id} null for an action that creates one. */
    public Applied take(String actionId, @Nullable String kind, @Nullable String id, Map<String, Object> input) {
        var handler = handlers.get(actionId);
        if (handler == null) {
            throw new AssertionError("no handler for " + actionId);
        }
        ActionTarget target = id == null ? null : target(kind, id);
        if (target != null) {
            String unavailable = handler.unavailableBecause(target, maker);
            if (unavailable != null) {
                throw new ActionRefused(unavailable);
            }
        }
        var checked = new ActionInput(input);
        handler.check(target, checked, maker);
        return transactions.execute(status -> handler.apply(
                new Invocation(UUID.randomUUID(), actionId, target, checked, "registry test", maker), null));
    }

    /** Applies without the checks before it, as a four-eyes action applies later, on the record as it is then. */
    public Applied applyOnly(String actionId, String kind, String id, Map<String, Object> input) {
        var target = target(kind, id);
        return transactions.execute(status -> handlers.get(actionId)
                .apply(
                        new Invocation(UUID.randomUUID(), actionId, target, new ActionInput(input), "later", maker),
                        null));
    }

    public ActionHandler handler(String actionId) {
        return handlers.get(actionId);
    }

    public static Money brl(String amount) {
        return new Money(new java.math.BigDecimal(amount), BRL);
    }

    /** A person with a fresh CPF, of age and with an address: one an account may be opened for. */
    public String person(String name) {
        var input = new HashMap<String, Object>();
        input.put("name", name);
        input.put("documentType", "cpf");
        input.put("documentNumber", BrazilianNumbers.cpf());
        input.put("birthDate", LocalDate.of(1985, 3, 14));
        input.put("address", "Rua das Flores 12, São Paulo");
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z ]", "");
        input.put(
                "email",
                ascii.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "."
                        + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        input.put(
                "phone",
                "+55119"
                        + String.format(
                                "%08d",
                                java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000)));
        input.put("monthlyIncome", brl("8500.00"));
        return take("person.create", null, null, input).targetId();
    }

    /** A company with a fresh CNPJ and an address. */
    public String company(String name) {
        return take(
                        "company.create",
                        null,
                        null,
                        Map.of(
                                "name",
                                name,
                                "documentType",
                                "cnpj",
                                "documentNumber",
                                BrazilianNumbers.cnpj(),
                                "address",
                                "Av. Paulista 1000, São Paulo"))
                .targetId();
    }

    public String personalAccount(String personId) {
        return take(
                        "account.open",
                        null,
                        null,
                        Map.of("holderKind", "person", "holderId", personId, "kind", "personal", "planCode", "basic"))
                .targetId();
    }

    public String businessAccount(String companyId) {
        return take(
                        "account.open",
                        null,
                        null,
                        Map.of("holderKind", "company", "holderId", companyId, "kind", "business", "planCode", "pro"))
                .targetId();
    }

    /** A user of the account; returns the user's id. */
    public String user(String accountId, String email) {
        return take("user.create", "account", accountId, Map.of("name", "User " + email, "email", email))
                .changes()
                .get("user");
    }
}
