package org.opsdesk.operations.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;

/** {@code ?q=} on the API: reference prefix or exact subject, refused with the field named, limited to what the caller sees. */
class OperationFreeTextIntegrationTests extends IntegrationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void findsByReferencePrefixOrExactSubject() {
        String a = create(Operations.withdrawal().reference("QF-" + run + "-a"))
                .get("id")
                .asString();
        String b = create(Operations.withdrawal().reference("QF-" + run + "-b"))
                .get("id")
                .asString();
        String bySubject = create(Operations.withdrawal().subject("qf-subject-" + run))
                .get("id")
                .asString();
        create(Operations.withdrawal().reference("XQF-" + run)); // contains the text, does not start with it

        assertThat(ids("/api/v1/operations?q=QF-" + run)).containsExactlyInAnyOrder(a, b);
        assertThat(ids("/api/v1/operations?q=%20QF-" + run + "-a%20")).containsExactly(a);
        assertThat(ids("/api/v1/operations?q=qf-subject-" + run)).containsExactly(bySubject);
        assertThat(ids("/api/v1/operations?q=qf-subject")).doesNotContain(bySubject); // subjects match whole
    }

    @Test
    void treatsLikeWildcardsAsPlainText() {
        create(Operations.withdrawal().reference("QW-" + run + "-1"));

        assertThat(ids("/api/v1/operations?q=QW-%25")).isEmpty();
        assertThat(ids("/api/v1/operations?q=QW_" + run)).isEmpty();
    }

    @Test
    void refusesControlCharactersNamingTheField() {
        var response = api().get("/api/v1/operations?q=a%07b");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
    }

    @Test
    void findsOnlyTypesTheCallerMayView() {
        create(Operations.withdrawal().reference("QV-" + run + "-w"));
        String deposit = create(Operations.of("deposit").amount("5.00", "EUR").reference("QV-" + run + "-d"))
                .get("id")
                .asString();

        var response = apiWith("deposit:view").get("/api/v1/operations?q=QV-" + run);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()
                        .get("items")
                        .valueStream()
                        .map(i -> i.get("id").asString())
                        .toList())
                .containsExactly(deposit);
        assertThat(apiWith("clients:view").get("/api/v1/operations?q=QV-" + run).status())
                .isEqualTo(403);
    }

    private java.util.List<String> ids(String path) {
        var response = api().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json()
                .get("items")
                .valueStream()
                .map(i -> i.get("id").asString())
                .toList();
    }
}
