package org.opsdesk.notifications.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.notifications.Changes;
import org.opsdesk.notifications.templates.TemplateFiles;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.loading.WorkflowFileReader;
import org.opsdesk.workflow.loading.WorkflowValidator;

/** Rule files read strictly and validated against the shipped workflows and templates; planning per change. */
class NotificationRulesTests {

    static final Collection<WorkflowDefinition> WORKFLOWS = shippedWorkflows();

    @TempDir
    Path dir;

    @Test
    void shippedRulesAreValidAndCoverTheSeedExamples() {
        var errors = new ArrayList<String>();
        var rules = load(null, null, errors);

        assertThat(errors).isEmpty();
        assertThat(rules.all())
                .extracting(NotificationRule::id)
                .contains(
                        "exchange-order-completed-client-email",
                        "exchange-order-cancelled-client-email",
                        "deposit-credited-client-email",
                        "withdrawal-sent-client-sms",
                        "error-managers",
                        "every-change-webhooks");
    }

    @Test
    void exchangeOrderCompletedEmailsTheClientTheManagersAndTheAssigneeAndCallsTheWebhooks() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("exchange_order")
                        .to("completed", Status.SUCCESS)
                        .build());

        assertThat(plans)
                .extracting(p -> p.audience() + "/" + p.channel() + "/" + p.template() + "/" + p.mode())
                .containsExactlyInAnyOrder(
                        "CLIENT/EMAIL/exchange_order/completed/AUTOMATIC",
                        "TEAM/EMAIL/team/operation_changed/AUTOMATIC",
                        "ASSIGNEE/EMAIL/assignee/operation_changed/AUTOMATIC",
                        "WEBHOOKS/WEBHOOK/null/AUTOMATIC");
        assertThat(plans)
                .filteredOn(p -> p.audience().name().equals("CLIENT"))
                .singleElement()
                .satisfies(p -> assertThat(p.recipient()).isEqualTo("client-42"));
    }

    @Test
    void anExchangeOrderInErrorMailsTheManagersAndTheAssigneeOnceThoughTwoRulesAskForIt() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("exchange_order")
                        .from("awaiting_payment", Status.PENDING)
                        .to("payment_mismatch", Status.ERROR)
                        .assignee("olga")
                        .build());

        assertThat(plans)
                .filteredOn(p -> p.audience() == Audience.TEAM || p.audience() == Audience.ASSIGNEE)
                .extracting(
                        p -> p.audience() + "/" + p.recipient() + "/" + p.rule().id())
                .containsExactly(
                        "TEAM/"
                                + plans.stream()
                                        .filter(p -> p.rule().id().equals("exchange-order-changed-managers"))
                                        .findFirst()
                                        .orElseThrow()
                                        .recipient()
                                + "/exchange-order-changed-managers",
                        "ASSIGNEE/olga/exchange-order-changed-assignee",
                        "TEAM/"
                                + plans.stream()
                                        .filter(p -> p.rule().id().equals("error-cashier-desk"))
                                        .findFirst()
                                        .orElseThrow()
                                        .recipient()
                                + "/error-cashier-desk");
    }

    @Test
    void anExchangeOrderAwaitingPaymentSendsThePaymentInstructionsByEmailAndSms() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("exchange_order")
                        .from(null, null)
                        .to("awaiting_payment", Status.PENDING)
                        .build());

        assertThat(plans)
                .filteredOn(p -> p.audience().name().equals("CLIENT"))
                .extracting(p -> p.channel() + "/" + p.template())
                .containsExactlyInAnyOrder(
                        "EMAIL/exchange_order/awaiting_payment", "SMS/exchange_order_sms/awaiting_payment");
    }

    @Test
    void withdrawalSentTextsTheClient() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("withdrawal")
                        .from("approved", Status.PENDING)
                        .to("sent", Status.PENDING)
                        .build());

        assertThat(plans)
                .extracting(p -> p.audience() + "/" + p.channel())
                .containsExactly("CLIENT/SMS", "WEBHOOKS/WEBHOOK");
    }

    @Test
    void anyMoveToErrorReachesTheDeskAndTheManagersMailboxes() {
        var rules = new NotificationRules(
                load(null, null, new ArrayList<>()).all(), Map.of("cashier", "cashier-desk@example.com"));

        var plans = rules.plan(Changes.of("deposit")
                .to("failed", Status.ERROR)
                .reason("provider down")
                .build());

        assertThat(plans)
                .extracting(p -> p.rule().id())
                .containsExactly("error-cashier-desk", "error-managers", "error-assignee", "every-change-webhooks");
        assertThat(plans.get(0).recipient()).isEqualTo("cashier-desk@example.com");
        assertThat(plans.get(1).recipient()).isNull();
        assertThat(plans.get(1).unresolved())
                .isEqualTo("no team mailbox is configured for role 'supervisor' "
                        + "(opsdesk.notifications.team-mailboxes.supervisor)");
        assertThat(plans.get(2).recipient()).isNull();
        assertThat(plans.get(2).unresolved()).isEqualTo("the operation is not assigned to anyone");
    }

    @Test
    void anyMoveToErrorOfAnAssignedOperationEmailsItsAssignee() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("withdrawal")
                        .to("failed", Status.ERROR)
                        .assignee("olga")
                        .build());

        var assignee =
                plans.stream().filter(p -> p.audience() == Audience.ASSIGNEE).toList();
        assertThat(assignee).extracting(p -> p.rule().id()).containsExactly("error-assignee");
        assertThat(assignee.get(0).recipient()).isEqualTo("olga");
        assertThat(assignee.get(0).channel()).isEqualTo(NotificationChannel.EMAIL);
        assertThat(assignee.get(0).template()).isEqualTo("assignee/operation_changed");
        assertThat(assignee.get(0).mode()).isEqualTo(DeliveryMode.AUTOMATIC);
    }

    @Test
    void aChangeNoRuleNamesOnlyGoesToWebhooks() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("loan").to("underwriting", Status.PENDING).build());

        assertThat(plans).extracting(p -> p.rule().id()).containsExactly("every-change-webhooks");
    }

    @Test
    void manualRulesArePlannedAsManual() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("deposit")
                        .to("declined", Status.REJECTED)
                        .reason("name mismatch")
                        .build());

        assertThat(plans.get(0).rule().id()).isEqualTo("deposit-declined-client-email");
        assertThat(plans.get(0).mode()).isEqualTo(DeliveryMode.MANUAL);
    }

    @Test
    void aRateChangeTellsTheClientByEmailAndSmsAndNeitherTheManagersNorTheWebhookRule() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("exchange_order")
                        .to("awaiting_payment", Status.PENDING)
                        .assignee("olga")
                        .attributes("{\"rate\":\"20.20\",\"pay\":\"2022 CLP\",\"receive\":\"100.05 DKK\"}")
                        .edited("{\"pay\":\"2011 CLP\",\"rate\":\"20.10\"}"));

        assertThat(plans)
                .extracting(p -> p.rule().id() + "/" + p.recipient() + "/" + p.template())
                .containsExactly(
                        "exchange-order-rate-changed-client-email/client-42/exchange_order/rate_changed",
                        "exchange-order-rate-changed-client-sms/client-42/exchange_order_sms/rate_changed");
    }

    @Test
    void anEditThatLeavesTheRateAloneSetsOffNoRateRule() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("exchange_order")
                        .to("awaiting_payment", Status.PENDING)
                        .edited("{\"payoutIban\":\"DE89 3704 0044 0532 0130 00\"}"));

        assertThat(plans).isEmpty();
    }

    @Test
    void statusChangesNeverSetOffAttributeRules() {
        var plans = load(null, null, new ArrayList<>())
                .plan(Changes.of("exchange_order")
                        .from("awaiting_payment", Status.PENDING)
                        .to("funds_received", Status.PENDING)
                        .build());

        assertThat(plans).extracting(p -> p.rule().id()).noneMatch(id -> id.contains("rate-changed"));
        assertThat(plans).extracting(p -> p.rule().id()).contains("exchange-order-paid-client-email");
    }

    @Test
    void anAttributesRuleMatchesItsTypesWhenAnyListedKeyChanges() throws IOException {
        write(
                "edits.yaml",
                """
                rules:
                  - id: limit-or-note-changed
                    types: [deposit]
                    attributes: [limit, note]
                    audience: team
                    role: cashier
                    channel: email
                    template: team/operation_changed
                    mode: manual
                """);
        var errors = new ArrayList<String>();
        var rules = load(dir, null, errors);
        assertThat(errors).isEmpty();
        NotificationRule rule = rules.rule("limit-or-note-changed").orElseThrow();

        assertThat(rule.matches(Changes.of("deposit").edited("{\"note\":null}")))
                .isTrue();
        assertThat(rule.matches(Changes.of("deposit").edited("{\"limit\":\"10\",\"other\":1}")))
                .isTrue();
        assertThat(rule.matches(Changes.of("deposit").edited("{\"other\":1}"))).isFalse();
        assertThat(rule.matches(Changes.of("withdrawal").edited("{\"note\":null}")))
                .isFalse();
        assertThat(rule.matches(Changes.of("deposit").build()))
                .as("a status change")
                .isFalse();
        assertThat(rule.mode()).isEqualTo(DeliveryMode.MANUAL);
        assertThat(rule.trigger()).isEqualTo("when an operation's limit, note changes");
    }

    @Test
    void refusesAnAttributesTriggerBesideAnotherOrWithoutValidKeys() throws IOException {
        write(
                "attributes.yaml",
                """
                rules:
                  - id: two-triggers
                    types: [exchange_order]
                    stage: awaiting_payment
                    attributes: [rate]
                    audience: client
                    channel: email
                    template: exchange_order/rate_changed
                    mode: automatic
                  - id: no-keys
                    types: [exchange_order]
                    attributes: []
                    audience: client
                    channel: email
                    template: exchange_order/rate_changed
                    mode: automatic
                  - id: bad-keys
                    types: [exchange_order]
                    attributes: [rate, "rate", "pay.value"]
                    audience: client
                    channel: email
                    template: exchange_order/rate_changed
                    mode: automatic
                """);
        var errors = new ArrayList<String>();

        load(dir, null, errors);

        String file = dir.resolve("attributes.yaml").toString();
        assertThat(errors)
                .containsExactlyInAnyOrder(
                        file + ": rule 'two-triggers': exactly one of 'stage', 'status', 'anyChange: true' and"
                                + " 'attributes' is needed, found 2",
                        file + ": rule 'no-keys': 'attributes' lists no attribute: name the top-level keys whose"
                                + " change sets the rule off",
                        file + ": rule 'bad-keys': 'attributes' must list top-level attribute keys (letters, digits,"
                                + " '_', '-', starting with a letter), found 'pay.value'",
                        file + ": rule 'bad-keys': 'attributes' lists a key twice");
    }

    @Test
    void reportsEveryMistakeWithFileAndRule() throws IOException {
        write(
                "broken.yaml",
                """
                rules:
                  - id: unknown-type
                    types: [lottery]
                    stage: won
                    audience: client
                    channel: email
                    template: deposit/completed
                    mode: automatic
                  - id: unknown-stage
                    types: [deposit, withdrawal]
                    stage: completed_twice
                    audience: client
                    channel: email
                    template: deposit/completed
                    mode: automatic
                  - id: team-by-sms
                    types: ["*"]
                    status: BROKEN
                    audience: team
                    channel: sms
                    template: team/operation_changed
                    mode: sometimes
                  - id: no-trigger
                    types: [deposit]
                    audience: webhooks
                    template: deposit/completed
                    mode: manual
                  - id: missing-template
                    types: [deposit]
                    anyChange: true
                    audience: client
                    channel: push
                    template: deposit/nothing_here
                    mode: automatic
                """);
        var errors = new ArrayList<String>();

        load(dir, null, errors);

        String file = dir.resolve("broken.yaml").toString();
        assertThat(errors)
                .contains(
                        file + ": rule 'unknown-type': type 'lottery' has no workflow definition",
                        file + ": rule 'unknown-stage': stage 'completed_twice' does not exist in type 'deposit'",
                        file + ": rule 'unknown-stage': stage 'completed_twice' does not exist in type 'withdrawal'",
                        file
                                + ": rule 'team-by-sms': 'status' must be one of PENDING, SUCCESS, ERROR, REJECTED, found 'BROKEN'",
                        file + ": rule 'team-by-sms': the team audience is reached by email only, found 'sms'",
                        file + ": rule 'team-by-sms': the team audience needs 'role' (a role name), found 'null'",
                        file + ": rule 'team-by-sms': 'mode' must be automatic or manual, found 'sometimes'",
                        file
                                + ": rule 'no-trigger': exactly one of 'stage', 'status', 'anyChange: true' and 'attributes'"
                                + " is needed, found 0",
                        file + ": rule 'no-trigger': webhooks carry the event itself; 'template' does not apply",
                        file + ": rule 'no-trigger': webhooks are sent automatically; 'mode' must be automatic");
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .startsWith(file + ": rule 'missing-template': template 'deposit/nothing_here' has no en "
                        + "subject.txt"));
        assertThat(errors).hasSize(11 + 7);
    }

    @Test
    void rejectsUnknownPropertiesWithTheLine() throws IOException {
        write(
                "typo.yaml",
                """
                rules:
                  - id: typo
                    types: [deposit]
                    stage: completed
                    audiense: client
                """);
        var errors = new ArrayList<String>();

        load(dir, null, errors);

        assertThat(errors).singleElement().satisfies(e -> assertThat(e)
                .startsWith(dir.resolve("typo.yaml") + ": cannot read YAML at rules[0].audiense (line ")
                .contains("audiense"));
    }

    @Test
    void overrideReplacesOrDisablesAShippedRuleByIdButDuplicatesOnOneSideAreErrors() throws IOException {
        write(
                "local.yaml",
                """
                rules:
                  - id: withdrawal-sent-client-sms
                    types: [withdrawal]
                    stage: sent
                    audience: client
                    channel: sms
                    template: withdrawal/sent
                    mode: manual
                  - id: every-change-webhooks
                    types: ["*"]
                    anyChange: true
                    audience: webhooks
                    mode: automatic
                    enabled: false
                """);
        var errors = new ArrayList<String>();
        var rules = load(dir, null, errors);

        assertThat(errors).isEmpty();
        assertThat(rules.rule("withdrawal-sent-client-sms"))
                .hasValueSatisfying(r -> assertThat(r.mode()).isEqualTo(DeliveryMode.MANUAL));
        assertThat(rules.rule("every-change-webhooks")).isEmpty();

        write(
                "again.yaml",
                """
                rules:
                  - id: withdrawal-sent-client-sms
                    types: [withdrawal]
                    stage: sent
                    audience: client
                    channel: sms
                    template: withdrawal/sent
                    mode: automatic
                """);
        var duplicate = new ArrayList<String>();
        load(dir, null, duplicate);
        assertThat(duplicate).singleElement().asString().contains("duplicate id, also in");
    }

    @Test
    void rejectsATemplateThatUsesAVariableOutsideTheModel(@TempDir Path templates) throws IOException {
        for (String locale : TemplateFiles.LOCALES) {
            Files.createDirectories(templates.resolve("withdrawal"));
            Files.writeString(templates.resolve("withdrawal/sent." + locale + ".txt"), "[(${operaton.reference})]");
        }
        var errors = new ArrayList<String>();

        load(null, templates, errors);

        assertThat(errors).hasSize(4).allSatisfy(e -> assertThat(e)
                .contains("rule 'withdrawal-sent-client-sms': template 'withdrawal/sent'")
                .contains("uses unknown variables [operaton]"));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    static NotificationRules load(@Nullable Path rulesDir, @Nullable Path templatesDir, List<String> errors) {
        var sources = new RuleFileReader().read(rulesDir, errors);
        var rules = new RuleValidator(WORKFLOWS, new TemplateFiles(templatesDir)).validate(sources, errors);
        return new NotificationRules(rules, Map.of());
    }

    static Collection<WorkflowDefinition> shippedWorkflows() {
        var errors = new ArrayList<String>();
        var definitions = new WorkflowValidator().validate(new WorkflowFileReader().read(null, errors), errors);
        assertThat(errors).isEmpty();
        return definitions.values();
    }
}
