package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;

/** Internal comments over the REST API: chained history entries of kind commented, refused with a problem. */
class CommentApiIntegrationTests extends IntegrationTest {

    @Test
    void appendsTheCommentToTheHistoryAndTheChainStillVerifies() {
        String id = create(Operations.withdrawal()).get("id").asString();

        var commented = api().post(
                        "/api/v1/operations/" + id + "/comments",
                        "{\"text\":\"Client confirmed by phone.\\nAll good.\"}");

        assertThat(commented.status()).as(commented.body()).isEqualTo(201);
        assertThat(commented.json().get("kind").asString()).isEqualTo("commented");
        assertThat(commented.json().get("comment").asString()).isEqualTo("Client confirmed by phone.\nAll good.");
        assertThat(commented.json().get("seq").asLong()).isEqualTo(2);
        var operation = api().get("/api/v1/operations/" + id).json();
        assertThat(operation.get("stage").asString()).isEqualTo("requested");
        assertThat(operation.get("version").asLong()).isEqualTo(2);
        assertThat(api().get("/api/v1/operations/" + id + "/history/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void refusesBlankTextAsAProblemNamingTheField() {
        String id = create(Operations.withdrawal()).get("id").asString();

        var refused = api().post("/api/v1/operations/" + id + "/comments", "{\"text\":\"   \"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(api().get("/api/v1/operations/" + id).json().get("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void needsTheTypesCommentPermission() {
        String id = create(Operations.withdrawal()).get("id").asString();

        var reader = apiWith("withdrawal:view", "deposit:comment");
        var refused = reader.post("/api/v1/operations/" + id + "/comments", "{\"text\":\"Looks fine\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("permission").asString()).isEqualTo("withdrawal:comment");
        assertThat(apiWith("withdrawal:view", "withdrawal:comment")
                        .post("/api/v1/operations/" + id + "/comments", "{\"text\":\"Looks fine\"}")
                        .status())
                .isEqualTo(201);
    }
}
