package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.support.Operations;

/**
 * The operations list's {@code type} filter names a type no workflow declares: a mistake said as such — 422 naming
 * the field in the API, the reason beside the type field on the console list — instead of an empty page that looks
 * like "nothing there". A type that exists but the caller may not view still lists nothing: which types exist is
 * what the shipped workflow files say, not a secret of the caller's permissions. (Here for the console client the
 * sign-in tests share.)
 */
class OperationTypeFilterIntegrationTests extends SignInTestSupport {

    @Test
    void refusesATypeNoWorkflowDeclaresInTheApiAndBesideTheConsoleListsTypeField() {
        create(Operations.withdrawal());
        var depositDesk = apiWith(OperationPermissions.view("deposit"));

        var unknown = depositDesk.get("/api/v1/operations?type=nope");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(unknown.json().get("errors").get(0).get("message").asString())
                .contains("'nope' is not an operation type");
        assertThat(depositDesk.get("/api/v1/operations?type=deposit,nope").status())
                .as("one undeclared type among declared ones")
                .isEqualTo(422);

        var invisible = depositDesk.get("/api/v1/operations?type=withdrawal");
        assertThat(invisible.status())
                .as("a declared type the caller may not view")
                .isEqualTo(200);
        assertThat(invisible.json().get("items").size()).isZero();

        var browser = browser();
        browser.signIn(operator("support"), PASSWORD);
        var page = browser.get("/operations?type=nope");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#f-type-error").text()).isEqualTo("Choose a type from the list.");
    }
}
