package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.access.roles.Role;
import org.opsdesk.access.roles.RoleStore;
import org.opsdesk.exports.ExportPermissions;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The convention of panels a module serves into another module's page (docs/architecture.md): the owning module
 * authorizes its fragment on the object itself — "not found" for an operation the caller may not see, nothing at
 * all when the panel has nothing for the caller — and the page only carries the placeholder that loads it.
 */
class ConsoleFragmentsIntegrationTests extends SignInTestSupport {

    @Autowired
    RoleStore roles;

    @Test
    void theOperationPageLoadsTheNotificationPanelsThatNotificationsAuthorizesOnTheOperation() {
        String id = create(Operations.withdrawal()).get("id").asString();
        var desk = signedIn(role("withdrawal:view", "withdrawal:notify"));
        var reader = signedIn(role("withdrawal:view"));
        var otherDesk = signedIn(role("deposit:view", "deposit:notify"));

        var page = desk.get("/operations/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#panel-notifications").attr("hx-get"))
                .isEqualTo("/operations/" + id + "/panels/notifications");
        assertThat(page.html().selectFirst("#panel-deliveries").attr("hx-get"))
                .isEqualTo("/operations/" + id + "/panels/deliveries");

        var offers = desk.get("/operations/" + id + "/panels/notifications");
        assertThat(offers.status()).isEqualTo(200);
        assertThat(offers.html().select("section#panel-notifications")).hasSize(1);
        var readersOffers = reader.get("/operations/" + id + "/panels/notifications");
        assertThat(readersOffers.status()).isEqualTo(200);
        assertThat(readersOffers.body().strip())
                .as("nothing for a caller who may not send")
                .isEmpty();
        assertThat(reader.get("/operations/" + id + "/panels/deliveries").html().select("section#panel-deliveries"))
                .hasSize(1);

        assertThat(otherDesk.get("/operations/" + id + "/panels/notifications").status())
                .as("an operation of a type the caller may not see is not found")
                .isEqualTo(404);
        assertThat(otherDesk.get("/operations/" + id + "/panels/deliveries").status())
                .isEqualTo(404);
        assertThat(desk.get("/operations/" + UUID.randomUUID() + "/panels/deliveries")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theWorkflowPageLoadsTheStageRulesThatNotificationsServes() {
        var viewer = signedIn(role("workflows:view"));

        var page = viewer.get("/workflows/withdrawal");
        assertThat(page.html().selectFirst("#panel-notifications").attr("hx-get"))
                .isEqualTo("/workflows/withdrawal/panels/notifications");
        var panel = viewer.get("/workflows/withdrawal/panels/notifications");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.html().select("#stage-rules tr[data-stage=sent]").text())
                .contains("withdrawal-sent-client-sms");
        assertThat(viewer.get("/workflows/no_such_type/panels/notifications").status())
                .isEqualTo(404);
        assertThat(signedIn(role("deposit:view"))
                        .get("/workflows/withdrawal/panels/notifications")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theOperationsListLoadsTheExportControlForItsFilterThatExportsOffersOnlyToExporters() {
        var exporter = signedIn(role("withdrawal:view", ExportPermissions.RUN));
        var reader = signedIn(role("withdrawal:view"));

        var list = exporter.get("/operations?status=PENDING&columns=reference");
        assertThat(list.html().selectFirst("#panel-export-csv").attr("hx-get"))
                .isEqualTo("/operations/panels/export-csv?status=PENDING");
        var control = exporter.get("/operations/panels/export-csv?status=PENDING");
        assertThat(control.status()).isEqualTo(200);
        assertThat(control.html().selectFirst("#export-csv").attr("href"))
                .isEqualTo("/exports/operations.csv?status=PENDING");
        assertThat(list.html().select("#export-csv"))
                .as("the list itself spells no export control")
                .isEmpty();

        var nothing = reader.get("/operations/panels/export-csv?status=PENDING");
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.body().strip())
                .as("nothing for a caller who may not export")
                .isEmpty();
    }

    private String role(String... permissions) {
        String name = "fragments-" + UUID.randomUUID().toString().substring(0, 8);
        var now = Instant.now();
        assertThat(roles.insert(new Role(name, "fragment tests", Set.of(permissions), false, false, now, now)))
                .isTrue();
        return name;
    }

    private ConsoleClient signedIn(String role) {
        var browser = browser();
        browser.signIn(operator(role), PASSWORD);
        return browser;
    }
}
