package org.opsdesk.clients;

import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds {@code PUT /api/v1/clients/{subject}} bodies: {@code ClientBody.client().email("a@b.io").json()}. */
final class ClientBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode body = JSON.createObjectNode();

    private ClientBody() {
        body.put("name", "Ana Souza");
        body.put("locale", "pt-BR");
    }

    static ClientBody client() {
        return new ClientBody();
    }

    static String freshSubject() {
        return "client-" + UUID.randomUUID();
    }

    ClientBody set(String field, String value) {
        body.put(field, value);
        return this;
    }

    ClientBody without(String field) {
        body.remove(field);
        return this;
    }

    ClientBody email(String value) {
        return set("email", value);
    }

    ClientBody phone(String value, boolean verified) {
        body.put("phone", value);
        body.put("phoneVerified", verified);
        return this;
    }

    ClientBody phoneVerified(boolean verified) {
        body.put("phoneVerified", verified);
        return this;
    }

    ClientBody consent(String channel, boolean granted, String source) {
        consentNode(channel).put("granted", granted).put("source", source);
        return this;
    }

    ClientBody consent(String channel, boolean granted, String at, String source) {
        consentNode(channel).put("granted", granted).put("at", at).put("source", source);
        return this;
    }

    private ObjectNode consentNode(String channel) {
        ObjectNode consents = body.has("consents") ? (ObjectNode) body.get("consents") : body.putObject("consents");
        return consents.putObject(channel);
    }

    String json() {
        return JSON.writeValueAsString(body);
    }
}
