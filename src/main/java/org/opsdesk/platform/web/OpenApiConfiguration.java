package org.opsdesk.platform.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document integrators read at {@code /v3/api-docs}: the tags with what each covers, the bearer API key every
 * operation takes, and the problem answers, headers and schemas every operation shares ({@link ProblemAnswers}).
 * Each operation's own summary, description and specific refusals are annotations on its {@code *Api} class.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SECURITY_SCHEME = "apiKey";

    static {
        // The calling Actor is resolved from the API key, never sent by the client: not a parameter to document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        // Free-form attributes arrive as a Jackson tree: to the integrator that is any JSON object.
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        JsonNode.class,
                        new ObjectSchema().description("A JSON object; its fields are the operation type's own."));
    }

    /**
     * The server, contact and licence are the deployment's to state ({@code opsdesk.api-docs.*}). The defaults: the
     * host that served the document, and a proprietary licence (OpenAPI 3.1 names it by SPDX identifier).
     */
    @Bean
    OpenAPI opsdeskOpenApi(
            @Value("${opsdesk.api-docs.server-url}") String serverUrl,
            @Value("${opsdesk.api-docs.contact-name}") String contactName,
            @Value("${opsdesk.api-docs.contact-email:}") String contactEmail,
            @Value("${opsdesk.api-docs.contact-url:}") String contactUrl,
            @Value("${opsdesk.api-docs.license-name}") String licenseName,
            @Value("${opsdesk.api-docs.license-identifier:}") String licenseIdentifier,
            @Value("${opsdesk.api-docs.license-url:}") String licenseUrl) {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Opsdesk API")
                                .version("v1")
                                .contact(new Contact()
                                        .name(contactName)
                                        .email(blankToNull(contactEmail))
                                        .url(blankToNull(contactUrl)))
                                .license(new License()
                                        .name(licenseName)
                                        .identifier(blankToNull(licenseIdentifier))
                                        .url(blankToNull(licenseUrl)))
                                .description(
                                        """
                                Operations with one unified status (PENDING, SUCCESS, ERROR, REJECTED), their stages, \
                                transitions, four-eyes approvals and tamper-evident history; the clients they concern, \
                                their notifications and webhooks; exports, reports and the administration of operators, \
                                roles and API keys.

                                Every request carries `Authorization: Bearer <api key>`. Every refusal is \
                                `application/problem+json` (RFC 9457) whose `type` is a `urn:opsdesk:problem:<slug>` \
                                URN (see the `ProblemDetail` schema), with `errors` naming the offending fields and \
                                `requestId` to quote when reporting it. POST and PATCH accept an `Idempotency-Key` \
                                header; answers that carry an operation or client version carry it as an `ETag`, \
                                which `If-Match` sends back to refuse a change made over someone else's. Lists are \
                                keyset-paged: pass the answer's `nextCursor` back as `cursor`."""))
                .servers(List.of(new Server().url(serverUrl).description("This Opsdesk")))
                .tags(ApiTags.ALL)
                .components(new Components()
                        .addSecuritySchemes(
                                SECURITY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("opaque API key")
                                        .description("`Authorization: Bearer <api key>`; keys are created in the "
                                                + "console or with `POST /api/v1/api-keys`."))
                        .schemas(ProblemSchemas.all())
                        .headers(ProblemAnswers.headers()))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    @Bean
    OperationCustomizer problemAnswers() {
        return new ProblemAnswers();
    }

    @Bean
    OpenApiCustomizer schemaPatterns() {
        return new SchemaPatterns();
    }

    @Bean
    OperationCustomizer requestExamples(JsonMapper json) {
        return new RequestExamples(json);
    }

    @Bean
    OpenApiCustomizer responseExamples(JsonMapper json) {
        return new ResponseExamples(json);
    }

    /** A {@code @JsonRawValue} string is written as the JSON it holds (an object), not as a string. */
    @Bean
    PropertyCustomizer rawJsonProperties() {
        return (property, type) -> {
            if (type.getCtxAnnotations() != null
                    && Arrays.stream(type.getCtxAnnotations()).anyMatch(JsonRawValue.class::isInstance)) {
                return new ObjectSchema().description("A JSON object.");
            }
            return property;
        };
    }

    /** The tags operations are grouped by, each with what it covers; an {@code *Api} class names its tag. */
    static final class ApiTags {

        static final List<Tag> ALL = List.of(
                tag(
                        "Operations",
                        "Create, read, list, move, assign, comment on and edit operations; their available moves and "
                                + "their hash-chained history."),
                tag(
                        "Approvals",
                        "The four-eyes queue: requests opened by a transition that needs approval, approved or "
                                + "declined by checkers other than the maker."),
                tag(
                        "Dead letters",
                        "Outbox events and timers given up on after repeated failures, and their release to be "
                                + "tried again once the cause is fixed."),
                tag(
                        "Notifications",
                        "Deliveries to clients and teams by email, SMS, push and webhook, their attempts, resending, "
                                + "and the manual notifications an operation's stage offers."),
                tag("Webhooks", "Webhook endpoints: registration, secrets, enabling and their deliveries."),
                tag("Clients", "The client directory integrators keep in sync: contacts, locale and consents."),
                tag(
                        "Registry",
                        "The account registry's records — persons, companies, accounts, their users, devices, Pix keys,"
                                + " partners, documents — their search and the deleted records; read-only (changes are"
                                + " actions)."),
                tag(
                        "Currencies and rates",
                        "The exchange desk's currencies (the dictionary and the office's settings per currency),"
                                + " pairs with their buy/sell rates and exchange mode, and each pair's rate history."),
                tag(
                        "Exchange orders",
                        "Exchange orders taken at the desk, by phone or by integrators (each an exchange_order"
                                + " operation), and changes of their rate with four-eyes beyond the configured difference."),
                tag(
                        "Actions",
                        "The back-office action catalog: the actions the caller may take, those available on a record"
                                + " now, and their invocation — each an operation of its family (`<family>_action`)."),
                tag(
                        "Provider",
                        "Outcomes of actions at the payment provider not known when they were sent: the provider's"
                                + " signed callback, the resolver's state, check now, and settlement by hand under"
                                + " four-eyes."),
                tag("Exports", "Streamed, audited CSV exports of operations and the record of past exports."),
                tag("Reports", "The dashboard's figures over the operation types the caller may view."),
                tag("Workflows", "The workflow definitions in force: stages, transitions, permissions, four-eyes."),
                tag("Operators", "The administration of operators: accounts, roles, passwords and MFA resets."),
                tag("Roles", "Roles and the catalog of permissions they grant."),
                tag("API keys", "API keys: creation (the secret is shown once), listing and revocation."),
                tag("Security log", "The insert-only security log: sign-ins, key use, permission changes."));

        private ApiTags() {}

        private static Tag tag(String name, String description) {
            return new Tag().name(name).description(description);
        }
    }
}
