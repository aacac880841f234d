package org.opsdesk.clients.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.clients.ClientPermissions;
import org.opsdesk.clients.Consent;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/clients}: the client directory, kept in sync by integrators. Personal data: reading needs a grant. */
@Tag(name = "Clients")
@RestController
@RequestMapping(path = "/api/v1/clients", produces = "application/json")
class ClientApi {

    private final ClientDirectory directory;

    ClientApi(ClientDirectory directory) {
        this.directory = directory;
    }

    @RequiresPermission(ClientPermissions.VIEW)
    @GetMapping
    @Operation(
            operationId = "listClients",
            summary = "List clients",
            description = "Clients by subject, in keyset pages.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of clients.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.ClientPage.class)))
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "100") int limit) {
        Keyset.limit(limit);
        var page = directory.page(cursor == null ? null : after(cursor), limit + 1);
        var items = page.stream().limit(limit).map(ClientApi::response).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        body.put("nextCursor", page.size() > limit ? cursor(items.get(limit - 1).subject()) : null);
        return body;
    }

    @RequiresPermission(ClientPermissions.VIEW)
    @GetMapping("/{subject}")
    @Operation(
            operationId = "getClient",
            summary = "Read a client",
            description =
                    "The client's contact data, locale, push token and current consent per channel; its version is"
                            + " the ETag.")
    @ApiResponse(responseCode = "200", description = "The client.", headers = @Header(name = "ETag"))
    ResponseEntity<ClientResponse> get(@PathVariable String subject) {
        var client = directory.get(subject);
        return ResponseEntity.ok()
                .eTag(ClientPrecondition.etag(client.contact().version()))
                .body(response(client));
    }

    @RequiresPermission(ClientPermissions.VIEW)
    @GetMapping("/{subject}/consents")
    @Operation(
            operationId = "getClientConsents",
            summary = "Read a client's consent history",
            description = "Every consent statement recorded for the client, oldest first, with who recorded it.")
    @ApiResponse(
            responseCode = "200",
            description = "The consent history.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.ConsentHistory.class)))
    Map<String, List<ConsentEntry>> consents(@PathVariable String subject) {
        return Map.of(
                "items",
                directory.consentHistory(subject).stream().map(ConsentEntry::of).toList());
    }

    /** Creates ({@code 201}) or replaces ({@code 200}) the client; a changed consent is added to its history. */
    @RequiresPermission(ClientPermissions.MANAGE)
    @PutMapping(path = "/{subject}", consumes = "application/json")
    @Operation(
            operationId = "upsertClient",
            summary = "Create or replace a client",
            description = "Creates the client under your subject (201) or replaces it (200); a changed consent is added"
                    + " to its history.")
    @Parameter(
            name = "If-Match",
            description =
                    "The ETag of the version this replaces (a newer one answers 412 `stale-version`), or `*`: only"
                            + " if the client exists. Without it the PUT creates or replaces whatever is current.")
    @ApiResponse(responseCode = "200", description = "The client, replaced.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "201", description = "The client, created.", headers = @Header(name = "ETag"))
    ResponseEntity<ClientResponse> upsert(
            @PathVariable String subject,
            @Valid @RequestBody ClientRequests.Upsert request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Actor actor) {
        var draft = ClientRequests.draft(subject, request);
        var upserted = directory.upsert(draft, ClientPrecondition.ifMatch(ifMatch), actor);
        var client = upserted.client();
        var response = upserted.created()
                ? ResponseEntity.created(URI.create("/api/v1/clients/"
                        + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20")))
                : ResponseEntity.ok();
        return response.eTag(ClientPrecondition.etag(client.contact().version()))
                .body(response(client));
    }

    /** Subjects may contain any visible character, '|' too, so the cursor's one part is the subject in base64. */
    private static String cursor(String subject) {
        return Keyset.cursor(
                Base64.getUrlEncoder().withoutPadding().encodeToString(subject.getBytes(StandardCharsets.UTF_8)));
    }

    private static String after(String cursor) {
        try {
            return new String(
                    Base64.getUrlDecoder().decode(Keyset.parts(cursor, 1).get(0)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Keyset.invalidCursor();
        }
    }

    private static ClientResponse response(StoredClient stored) {
        var client = stored.contact();
        var consents = new LinkedHashMap<String, @Nullable ConsentResponse>();
        for (Channel channel : Channel.values()) {
            consents.put(
                    channel.code(),
                    client.consent(channel).map(ConsentResponse::of).orElse(null));
        }
        return new ClientResponse(
                client.subject(),
                client.name(),
                client.email(),
                client.phone(),
                client.phoneVerified(),
                client.locale(),
                client.pushToken(),
                consents,
                client.version(),
                stored.createdAt(),
                stored.createdBy(),
                client.updatedAt(),
                stored.updatedBy());
    }

    record ClientResponse(
            String subject,
            String name,
            @Nullable String email,
            @Nullable String phone,
            boolean phoneVerified,
            String locale,
            @Nullable String pushToken,
            Map<String, @Nullable ConsentResponse> consents,
            long version,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {}

    record ConsentResponse(boolean granted, Instant at, String source) {
        static ConsentResponse of(Consent consent) {
            return new ConsentResponse(consent.granted(), consent.at(), consent.source());
        }
    }

    record ConsentEntry(
            String channel, boolean granted, Instant at, String source, Instant recordedAt, String recordedBy) {
        static ConsentEntry of(ConsentRecord record) {
            var consent = record.consent();
            return new ConsentEntry(
                    consent.channel().code(),
                    consent.granted(),
                    consent.at(),
                    consent.source(),
                    record.recordedAt(),
                    record.recordedBy());
        }
    }
}
