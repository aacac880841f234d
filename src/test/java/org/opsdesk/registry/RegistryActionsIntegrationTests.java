package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opsdesk.support.RegistryActions.brl;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.Invocation;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.support.BrazilianNumbers;

/**
 * The registry's record-only actions, taken through the published SPI against real PostgreSQL: their effects, the
 * refusals the record's state causes, uniqueness, and that nothing is half-written when they refuse.
 */
class RegistryActionsIntegrationTests extends RegistryIntegrationTest {

    @Test
    void createsACompanyAndRefusesTheSameCnpjTwiceAndAPartyWhoseDocumentWasTakenMeanwhile() {
        String cnpj = BrazilianNumbers.cnpj();
        var company = Map.<String, Object>of("name", "Twice Ltda", "documentType", "cnpj", "documentNumber", cnpj);
        var created = registry().take("company.create", null, null, company);
        assertThat(registry().target("company", created.targetId()).identifier())
                .isEqualTo(cnpj);
        assertThat(created.changes())
                .containsEntry("name", "Twice Ltda")
                .containsEntry("documentType", "cnpj")
                .containsEntry("documentNumber", cnpj);
        assertThat(field(() -> registry().take("company.create", null, null, company)))
                .isEqualTo("documentNumber: a company with this document is already registered");
        // Checked before another creation took the document: the insert finds it taken and nothing is written.
        assertThat(refusal(() -> createUnchecked("company.create", company)))
                .isEqualTo("a company with this document was registered meanwhile");

        var person = Map.<String, Object>of(
                "name", "Meanwhile Person", "documentType", "cpf", "documentNumber", BrazilianNumbers.cpf());
        registry().take("person.create", null, null, person);
        long before = persons();
        assertThat(refusal(() -> createUnchecked("person.create", person)))
                .isEqualTo("a person with this document was registered meanwhile");
        assertThat(persons()).isEqualTo(before);
    }

    /** Applies a creating action without its checks, as after a check that another creation overtook. */
    private void createUnchecked(String actionId, Map<String, Object> input) {
        transactions.execute(status -> registry()
                .handler(actionId)
                .apply(
                        new Invocation(
                                UUID.randomUUID(),
                                actionId,
                                null,
                                new ActionInput(input),
                                "raced",
                                Actor.system("registry-tests")),
                        null));
    }

    @Test
    void createsAPersonWithItsDocumentNormalisedAndRefusesTheSameCpfTwice() {
        String cpf = BrazilianNumbers.cpf();
        var printed =
                cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);
        var input = Map.<String, Object>of("name", "Ana Souza", "documentType", "cpf", "documentNumber", printed);
        var created = registry().take("person.create", null, null, input);

        var person = registry().target("person", created.targetId());
        assertThat(person.identifier()).isEqualTo(cpf);
        assertThat(person.state()).isEqualTo("active");
        assertThat(field(() -> registry().take("person.create", null, null, input)))
                .isEqualTo("documentNumber: a person with this document is already registered");
    }

    @Test
    void reportsEveryBadFieldOfAPersonAtOnceAndStoresNothing() {
        long before = persons();
        var input = new HashMap<String, Object>();
        input.put("name", "  ");
        input.put("documentType", "cpf");
        input.put("documentNumber", "529.982.247-24");
        input.put("birthDate", LocalDate.of(1899, 12, 31));
        input.put("email", "ana@");
        input.put("phone", "11 98765 4321");
        input.put(
                "monthlyIncome",
                new org.opsdesk.shared.Money(
                        new java.math.BigDecimal("10.00"), new org.opsdesk.shared.CurrencyCode("EUR", 2)));
        assertThatThrownBy(() -> registry().take("person.create", null, null, input))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(ProblemException.FieldError::field)
                        .containsExactlyInAnyOrder(
                                "name", "documentNumber", "birthDate", "email", "phone", "monthlyIncome"));
        assertThatThrownBy(() -> registry()
                        .take(
                                "person.create",
                                null,
                                null,
                                Map.of("name", "X", "documentType", "rg", "documentNumber", "1")))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("documentType"));
        assertThat(persons()).isEqualTo(before);
    }

    @Test
    void opensAccountsOnlyForHoldersWhoseDataAnOpeningNeeds() {
        var registry = registry();
        String company = registry.company("Padaria Real Ltda");
        assertThat(field(() -> registry.take(
                        "account.open",
                        null,
                        null,
                        Map.of("holderKind", "company", "holderId", company, "kind", "personal"))))
                .isEqualTo("kind: a company holds business accounts only");
        assertThat(field(() -> registry.take(
                        "account.open",
                        null,
                        null,
                        Map.of(
                                "holderKind",
                                "person",
                                "holderId",
                                UUID.randomUUID().toString(),
                                "kind",
                                "personal"))))
                .isEqualTo("holderId: no such person");
        String minor = registry.take(
                        "person.create",
                        null,
                        null,
                        Map.of(
                                "name", "Lia Souza",
                                "documentType", "cpf",
                                "documentNumber", BrazilianNumbers.cpf(),
                                "birthDate", LocalDate.now().minusYears(17),
                                "address", "Rua B 1"))
                .targetId();
        assertThat(field(() -> registry.personalAccount(minor))).isEqualTo("holderId: the person is under 18");
        String noAddress = registry.take(
                        "person.create",
                        null,
                        null,
                        Map.of("name", "Rui", "documentType", "passport", "documentNumber", "FZ" + digits(7)))
                .targetId();
        assertThat(field(() -> registry.personalAccount(noAddress))).contains("has no address", "has no birth date");

        var account = registry.target("account", registry.businessAccount(company));
        assertThat(account.state()).isEqualTo("active");
        assertThat(account.identifier()).matches("\\d{8}-\\d");
        assertThat(account.facts()).containsEntry("holderKind", "company").containsEntry("kind", "business");
    }

    @Test
    void suspendsLiftsAndCancelsAnAccountAsItsStatusAllows() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Bruno Lima"));

        registry.take("account.suspend", "account", account, Map.of());
        assertThat(registry.target("account", account).state()).isEqualTo("suspended");
        assertThat(refusal(() -> registry.take("account.suspend", "account", account, Map.of())))
                .isEqualTo("the account is suspended");
        assertThat(refusal(() -> registry.applyOnly("account.suspend", "account", account, Map.of())))
                .as("a four-eyes apply re-reads the state")
                .isEqualTo("the account is suspended");

        registry.take("account.lift-suspension", "account", account, Map.of());
        assertThat(registry.target("account", account).state()).isEqualTo("active");

        registry.take("sub-account.create", "account", account, Map.of("kind", "wallet", "name", "Savings"));
        jdbc.sql("update registry.sub_account set balance = 12.50 where account_id = ?")
                .param(UUID.fromString(account))
                .update();
        assertThat(refusal(() -> registry.take("account.cancel", "account", account, Map.of())))
                .contains("still holds 12.50 BRL");
        jdbc.sql("update registry.sub_account set balance = 0 where account_id = ?")
                .param(UUID.fromString(account))
                .update();
        jdbc.sql("insert into registry.provider_balance (account_id, currency, available, blocked, read_at)"
                        + " values (?, 'BRL', 3.10, 0, now())")
                .param(UUID.fromString(account))
                .update();
        assertThat(refusal(() -> registry.take("account.cancel", "account", account, Map.of())))
                .contains("transfer the residual balance first");
        jdbc.sql("update registry.provider_balance set available = 0 where account_id = ?")
                .param(UUID.fromString(account))
                .update();

        registry.take("pix-key.create", "account", account, Map.of("keyType", "random"));
        var cancelled = registry.take("account.cancel", "account", account, Map.of());
        assertThat(cancelled.changes()).containsEntry("status", "cancelled").containsEntry("pixKeysCancelled", "1");
        assertThat(refusal(() -> registry.take("account.suspend", "account", account, Map.of())))
                .isEqualTo("the account is cancelled");
        assertThat(refusal(() -> registry.take("account.cancel", "account", account, Map.of())))
                .isEqualTo("the account is cancelled");
    }

    @Test
    void asksASecondPersonOnlyToRaiseTheCashOutLevel() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Carla Dias"));
        var handler = registry.handler("account.set-cash-out-level");
        var target = registry.target("account", account);
        assertThat(handler.requiredApprovals(target, new ActionInput(Map.of("level", 3L))))
                .isEqualTo(1);
        assertThat(handler.requiredApprovals(target, new ActionInput(Map.of("level", 0L))))
                .isZero();

        registry.take("account.set-cash-out-level", "account", account, Map.of("level", 3L));
        assertThat(registry.target("account", account).facts()).containsEntry("cashOutLevel", "3");
        assertThat(field(() -> registry.take("account.set-cash-out-level", "account", account, Map.of("level", 3L))))
                .isEqualTo("level: the account is at level 3 already");
        assertThat(field(() -> registry.take("account.set-cash-out-level", "account", account, Map.of("level", 10L))))
                .isEqualTo("level: must be between 0 and 9");
    }

    @Test
    void movesTheNightPeriodsStartWithinTheRegulatedWindowOnly() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Davi Rocha"));
        registry.take("account.set-night-limit-start", "account", account, Map.of("hour", 22L));
        assertThat(registry.target("account", account).facts()).containsEntry("nightStartsAt", "22");
        for (long hour : new long[] {19, 23, 0}) {
            assertThat(field(() ->
                            registry.take("account.set-night-limit-start", "account", account, Map.of("hour", hour))))
                    .isEqualTo("hour: the night period may start between 20:00 and 22:00 only");
        }
    }

    @Test
    void editsTheHoldersDataFromTheAccount() {
        var registry = registry();
        String person = registry.person("Elisa Prado");
        String account = registry.personalAccount(person);
        registry.take("account.edit-email", "account", account, Map.of("email", "Elisa.Prado@Example.org"));
        registry.take("account.edit-phone", "account", account, Map.of("phone", "+55 21 99876-5432"));
        registry.take("account.edit-monthly-income", "account", account, Map.of("monthlyIncome", brl("12000.00")));
        var row = jdbc.sql("select email, phone, monthly_income::text from registry.person where id = ?")
                .param(UUID.fromString(person))
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                .single();
        assertThat(row).isEqualTo("elisa.prado@example.org +5521998765432 12000.00");

        String company = registry.company("Oficina Boa Ltda");
        String business = registry.businessAccount(company);
        var handler = registry.handler("account.edit-email");
        assertThat(handler.unavailableBecause(
                        registry.target("account", business), org.opsdesk.shared.Actor.system("t")))
                .isEqualTo("the holder is a company, which has no email in the registry");
        registry.take("account.edit-name", "account", business, Map.of("name", "Oficina Melhor Ltda"));
        assertThat(registry.target("company", company).facts()).containsEntry("name", "Oficina Melhor Ltda");
    }

    @Test
    void keepsPixKeysUniqueAmongLiveKeysAndTheHoldersOwnDocument() {
        var registry = registry();
        String person = registry.person("Fabio Nunes");
        String account = registry.personalAccount(person);
        String other = registry.personalAccount(registry.person("Gabi Nunes"));
        String email = "fabio." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        var key = registry.take("pix-key.create", "account", account, Map.of("keyType", "email", "key", email));
        assertThat(field(() ->
                        registry.take("pix-key.create", "account", other, Map.of("keyType", "email", "key", email))))
                .isEqualTo("key: this Pix key is registered already");
        String cpf = registry.target("person", person).identifier();
        assertThat(field(() -> registry.take("pix-key.create", "account", other, Map.of("keyType", "cpf", "key", cpf))))
                .isEqualTo("key: a CPF key must be the CPF of the account's holder");
        registry.take("pix-key.create", "account", account, Map.of("keyType", "cpf", "key", cpf));
        assertThat(field(() -> registry.take("pix-key.create", "account", account, Map.of("keyType", "email"))))
                .isEqualTo("key: is required for a email key");

        String keyId = key.changes().get("pixKey");
        assertThat(registry.target("pix-key", keyId).identifier()).isEqualTo(email);
        registry.take("pix-key.cancel", "pix-key", keyId, Map.of());
        assertThat(refusal(() -> registry.take("pix-key.cancel", "pix-key", keyId, Map.of())))
                .isEqualTo("the Pix key is cancelled");
        registry.take("pix-key.create", "account", other, Map.of("keyType", "email", "key", email));

        for (int i = 0; i < 4; i++) {
            registry.take("pix-key.create", "account", account, Map.of("keyType", "random"));
        }
        assertThat(refusal(() -> registry.take("pix-key.create", "account", account, Map.of("keyType", "random"))))
                .isEqualTo("the account has 5 Pix keys already, the most a personal account may have");
    }

    @Test
    void addsPartnersToBusinessAccountsOnlyWithSharesUpToAHundredPercent() {
        var registry = registry();
        String personal = registry.personalAccount(registry.person("Hugo Reis"));
        assertThat(registry.handler("partner.create")
                        .unavailableBecause(registry.target("account", personal), org.opsdesk.shared.Actor.system("t")))
                .isEqualTo("partners belong to business accounts only");

        String company = registry.company("Reis & Filhos Ltda");
        String business = registry.businessAccount(company);
        String hugo = registry.person("Hugo Reis");
        var partner = registry.take(
                "partner.create",
                "account",
                business,
                Map.of("partyKind", "person", "partyId", hugo, "sharePercent", new java.math.BigDecimal("60")));
        assertThat(refusal(() -> registry.take(
                        "partner.create", "account", business, Map.of("partyKind", "person", "partyId", hugo))))
                .isEqualTo("the person is a partner of this account already");
        assertThat(refusal(() -> registry.take(
                        "partner.create",
                        "account",
                        business,
                        Map.of(
                                "partyKind",
                                "company",
                                "partyId",
                                registry.company("Sócia SA"),
                                "sharePercent",
                                new java.math.BigDecimal("40.01")))))
                .isEqualTo("the partners' shares would add up to more than 100%");
        assertThat(refusal(() -> registry.take(
                        "partner.create", "account", business, Map.of("partyKind", "company", "partyId", company))))
                .isEqualTo("the holder is not a partner of its own account");

        String partnerId = partner.changes().get("partner");
        registry.take("partner.update", "partner", partnerId, Map.of("sharePercent", new java.math.BigDecimal("75.5")));
        assertThat(jdbc.sql("select share_percent::text from registry.partner where id = ?")
                        .param(UUID.fromString(partnerId))
                        .query(String.class)
                        .single())
                .isEqualTo("75.50");
    }

    @Test
    void managesAnAccountsUsersAndUntrustsTheirDevices() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Iara Melo"));
        String user = registry.user(account, "iara@example.com");
        assertThat(field(() -> registry.user(account, "IARA@example.com")))
                .isEqualTo("email: the account has a user with this email already");
        assertThat(field(() -> registry.take(
                        "user.create",
                        "account",
                        account,
                        Map.of("name", "X", "email", "x@example.com", "permissions", "view,fly"))))
                .isEqualTo("permissions: 'fly' is not one of view, pay, pix, invest, manage-users");

        registry.take("user.update", "user", user, Map.of("status", "blocked", "permissions", "view,pix"));
        assertThat(registry.target("user", user).state()).isEqualTo("blocked");

        for (String label : new String[] {"Pixel 8", "iPad"}) {
            jdbc.sql("insert into registry.device (id, user_id, label, platform, trusted, trusted_at, created_at,"
                            + " created_by) values (?, ?, ?, 'android', true, now(), now(), 'tests')")
                    .params(UUID.randomUUID(), UUID.fromString(user), label)
                    .update();
        }
        var reset = registry.take("user.reset-trusted-device", "user", user, Map.of());
        assertThat(reset.changes()).containsEntry("devicesUntrusted", "2");
        assertThat(jdbc.sql("select count(*) from registry.device where user_id = ? and trusted")
                        .param(UUID.fromString(user))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void appliesLimitsPerAccountAndForEveryAccountAtOnce() {
        var registry = registry();
        String type = "pix_" + UUID.randomUUID().toString().substring(0, 8);
        registry.take(
                "limit.define",
                "limit-type",
                null,
                Map.of("transactionType", type, "daytime", brl("5000.00"), "nighttime", brl("1000.00")));
        assertThat(field(() -> registry.take(
                        "limit.define",
                        null,
                        null,
                        Map.of("transactionType", type, "daytime", brl("1.00"), "nighttime", brl("1.00")))))
                .isEqualTo("transactionType: this transaction type has limits already");
        String account = registry.personalAccount(registry.person("João Alves"));
        String another = registry.personalAccount(registry.person("Kátia Alves"));

        assertThat(field(() -> registry.take(
                        "limit.update",
                        "account",
                        account,
                        Map.of("transactionType", type, "daytime", brl("100.00"), "nighttime", brl("200.00")))))
                .isEqualTo("nighttime: must not be above the daytime limit");
        registry.take(
                "limit.update",
                "account",
                account,
                Map.of("transactionType", type, "daytime", brl("8000.00"), "nighttime", brl("500.00")));
        assertThat(limit(account, type)).isEqualTo("8000.00/500.00 own");
        assertThat(limit(another, type)).isEqualTo("5000.00/1000.00 type");

        var all = registry.take(
                "limit.update-all", "limit-type", type, Map.of("daytime", brl("3000.00"), "nighttime", brl("800.00")));
        assertThat(all.changes()).containsEntry("accountsWithOwnValuesReplaced", "1");
        assertThat(limit(account, type)).isEqualTo("3000.00/800.00 type");
        assertThat(limit(another, type)).isEqualTo("3000.00/800.00 type");
    }

    @Test
    void softDeletesRecordsAndRestoresThemWithTheirUniquenessKept() {
        var registry = registry();
        String person = registry.person("Lucas Moura");
        String account = registry.personalAccount(person);
        assertThat(refusal(() -> registry.take("person.delete", "person", person, Map.of())))
                .isEqualTo("the person holds accounts: delete them first");
        assertThat(refusal(() -> registry.take("account.delete", "account", account, Map.of())))
                .isEqualTo("only a cancelled account may be deleted");
        registry.take("account.cancel", "account", account, Map.of());
        registry.take("account.delete", "account", account, Map.of());
        assertThatThrownBy(() -> registry.target("account", account)).isInstanceOf(NotFound.class);
        registry.take("person.delete", "person", person, Map.of());
        assertThatThrownBy(() -> registry.target("person", person)).isInstanceOf(NotFound.class);
        var deleted = jdbc.sql("select deleted_by || ' ' || delete_reason from registry.person where id = ?")
                .param(UUID.fromString(person))
                .query(String.class)
                .single();
        assertThat(deleted).isEqualTo("system:registry-tests registry test");

        assertThatThrownBy(() ->
                        registry.target("deleted-record", UUID.randomUUID().toString()))
                .isInstanceOf(NotFound.class);
        assertThat(refusal(() -> registry.take("record.restore", "deleted-record", account, Map.of())))
                .isEqualTo("the account's holder is deleted: restore it first");
        registry.take("record.restore", "deleted-record", person, Map.of());
        registry.take("record.restore", "deleted-record", account, Map.of());
        assertThat(registry.target("account", account).state()).isEqualTo("cancelled");
        assertThatThrownBy(() -> registry.target("deleted-record", account)).isInstanceOf(NotFound.class);
    }

    @Test
    void refusesToRestoreARecordWhoseUniqueValueWasTakenMeanwhile() {
        var registry = registry();
        String cpf = BrazilianNumbers.cpf();
        var input = Map.<String, Object>of("name", "Marta Lins", "documentType", "cpf", "documentNumber", cpf);
        String first = registry.take("person.create", null, null, input).targetId();
        registry.take("person.delete", "person", first, Map.of());
        String second = registry.take("person.create", null, null, input).targetId();

        assertThat(refusal(() -> registry.take("record.restore", "deleted-record", first, Map.of())))
                .startsWith("a live person has the same unique value now");
        registry.take("person.delete", "person", second, Map.of());
        registry.take("record.restore", "deleted-record", first, Map.of());
        assertThat(registry.target("person", first).identifier()).isEqualTo(cpf);
    }

    @Test
    void refusesAUniqueValueTakenBetweenCheckAndApplyAndLeavesTheTransactionUsable() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Olga Dutra"));
        String other = registry.personalAccount(registry.person("Otto Dutra"));
        String email = "olga." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        registry.take("pix-key.create", "account", account, Map.of("keyType", "email", "key", email));
        var target = registry.target("account", other);
        var handler = registry.handler("pix-key.create");

        String outcome = transactions.execute(status -> {
            String refused = refusal(() -> handler.apply(
                    new org.opsdesk.actions.Invocation(
                            UUID.randomUUID(),
                            "pix-key.create",
                            target,
                            new ActionInput(Map.of("keyType", "email", "key", email)),
                            "approved later",
                            org.opsdesk.shared.Actor.system("registry-tests")),
                    null));
            // the catalog records the refusal in this same transaction: it must still accept statements
            return refused + " / "
                    + jdbc.sql("select count(*) from registry.pix_key where key_value = ?")
                            .param(email)
                            .query(Long.class)
                            .single();
        });
        assertThat(outcome).isEqualTo("this Pix key was registered meanwhile / 1");
    }

    private long persons() {
        return jdbc.sql("select count(*) from registry.person")
                .query(Long.class)
                .single();
    }

    private String limit(String account, String type) {
        return jdbc.sql(
                        """
                        select coalesce(a.daytime_amount, t.daytime_amount)::text || '/'
                            || coalesce(a.nighttime_amount, t.nighttime_amount)::text
                            || case when a.account_id is null then ' type' else ' own' end
                        from registry.limit_type t
                        left join registry.account_limit a on a.transaction_type = t.code and a.account_id = ?
                        where t.code = ?""")
                .params(UUID.fromString(account), type)
                .query(String.class)
                .single();
    }

    static String field(Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            return e.detail();
        }
        throw new AssertionError("accepted");
    }

    static String refusal(Runnable action) {
        try {
            action.run();
        } catch (ActionRefused e) {
            return e.detail();
        }
        throw new AssertionError("not refused");
    }

    private static String digits(int n) {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()))
                .substring(0, n);
    }
}
