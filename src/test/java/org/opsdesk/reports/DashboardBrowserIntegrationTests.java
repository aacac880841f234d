package org.opsdesk.reports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.Operations;
import org.opsdesk.support.browser.BrowserTest;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The dashboard at "/" in Chromium: its numbers are the database's, it speaks every language and passes axe. */
class DashboardBrowserIntegrationTests extends BrowserTest {

    @Autowired
    private MessageSource messages;

    @Autowired
    private Workflows workflows;

    @Test
    void showsTheCountsByStatusAndTypeThatTheDatabaseHoldsWithTheirChart() throws Exception {
        create(Operations.withdrawal());
        String rejected = create(Operations.of("deposit")).get("id").asString();
        transition(rejected, "rejected", "dashboard test");
        signInWithMfa(page, "supervisor");
        page.navigate("/?lang=en");

        var shown = shownCounts();
        var stored = countsInTheDatabase(supervisorMaySee());
        assertThat(shown).isEqualTo(stored);
        assertThat(shown.get("withdrawal").get(Status.PENDING.name())).isPositive();
        assertThat(page.locator("#counts-table tfoot td[data-status=TOTAL]").textContent())
                .isEqualTo(String.format(Locale.ENGLISH, "%,d", total(stored)));
        assertThat(page.locator("#chart-counts")).isVisible();
        page.waitForFunction("() => window.Chart && window.Chart.getChart('chart-counts') !== undefined");
        assertThat(page.locator("#chart-daily")).isVisible();
        assertThat(page.locator("#operators-heading")).isVisible();
        assertThat(Files.size(screenshot(page, "dashboard"))).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "pt-BR", "nl", "pl"})
    void rendersInEveryLanguageWithNoMissingTextAndNoSeriousAccessibilityViolation(String language) {
        create(Operations.withdrawal());
        signInWithMfa(page, "supervisor");

        page.navigate("/?lang=" + language);

        assertThat(page.locator("html")).hasAttribute("lang", language);
        assertThat(page.locator("h1"))
                .hasText(messages.getMessage("reports.dashboard.title", null, Locale.forLanguageTag(language)));
        page.waitForFunction("() => window.Chart && window.Chart.getChart('chart-counts') !== undefined");
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
        screenshot(page, "dashboard-" + language);
    }

    @Test
    void showsACashierOnlyTheCashTypesAndNoColleaguesFigures() {
        create(Operations.withdrawal());
        create(Operations.of("support_ticket"));
        signInWithMfa(page, "cashier");

        page.navigate("/?lang=en");

        assertThat(page.locator("h1")).hasText("Dashboard");
        assertThat(shownCounts().keySet())
                .contains("withdrawal")
                .isSubsetOf(List.of("deposit", "withdrawal", "exchange_order", "p2p_transfer"));
        assertThat(page.locator("#operators-heading")).hasCount(0);
        assertNoSeriousA11yViolations(page);
    }

    /** type → status → the number in the table (English grouping). */
    private Map<String, Map<String, Long>> shownCounts() {
        var shown = new HashMap<String, Map<String, Long>>();
        var rows = page.locator("#counts-table tbody tr[data-type]");
        for (int i = 0; i < rows.count(); i++) {
            var row = rows.nth(i);
            var counts = new HashMap<String, Long>();
            for (Status status : Status.values()) {
                String text =
                        row.locator("td[data-status=" + status.name() + "]").textContent();
                long n = Long.parseLong(text.replace(",", "").strip());
                if (n != 0) {
                    counts.put(status.name(), n);
                }
            }
            shown.put(row.getAttribute("data-type"), counts);
        }
        return shown;
    }

    /**
     * The rows of the types the viewer may see. The database may hold types the viewer's role does not cover —
     * against a shared PostgreSQL, the process tests' own workflow types, which this application does not know.
     */
    private Map<String, Map<String, Long>> countsInTheDatabase(Permissions viewer) {
        var counts = new HashMap<String, Map<String, Long>>();
        jdbc.sql("select type, status, count(*) from operations.operation group by type, status")
                .query((rs, n) -> counts.computeIfAbsent(rs.getString(1), t -> new HashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        var known = workflows.all().stream().map(WorkflowDefinition::type).toList();
        counts.keySet().removeIf(type -> !known.contains(type) || !viewer.allows(type + ":view"));
        return counts;
    }

    private Permissions supervisorMaySee() {
        String[] granted = jdbc.sql("select permissions from access.role where name = 'supervisor'")
                .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                .single();
        return Permissions.of(granted);
    }

    private static long total(Map<String, Map<String, Long>> counts) {
        return counts.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }
}
