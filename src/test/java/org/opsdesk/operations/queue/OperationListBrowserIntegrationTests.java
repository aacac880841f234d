package org.opsdesk.operations.queue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.Operations;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The operations list in Chromium, signed in with password and authenticator code: filtering through the form,
 * status tabs against the counters, keyset paging, free text, saved and shared views, a bulk move with a result
 * per item, new operations announced by polling, the keyboard, and accessibility.
 */
class OperationListBrowserIntegrationTests extends BrowserTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void filtersByTypeStatusAndSubjectThroughTheFormWithTabsFromTheCountersAndPagesByCursor() throws Exception {
        String subject = "list-" + run;
        var withdrawals = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            withdrawals.add(create(Operations.withdrawal()
                            .reference("LW-" + run + "-" + i)
                            .subject(subject))
                    .get("reference")
                    .asString());
        }
        create(Operations.of("deposit")
                .amount("10.00", "EUR")
                .reference("LD-" + run)
                .subject(subject));
        signInWithMfa(page, "operator");

        page.navigate("/operations");
        page.locator("#f-type").selectOption("withdrawal");
        page.locator("#f-status").selectOption("PENDING");
        page.locator("#f-subject").fill(subject);
        page.locator("#apply-filters").click();

        assertThat(page.locator("[data-chip][data-name=subject]")).isVisible();
        assertThat(page.locator("tr[data-row]")).hasCount(3);
        assertThat(references(page)).containsExactlyInAnyOrderElementsOf(withdrawals);
        assertThat(page).hasURL(Pattern.compile("subject=" + subject));
        // Status tabs: the counters for the filtered type, equal to what the database holds.
        var counted = jdbc.sql("select status, count(*) from operations.operation where type = 'withdrawal'"
                        + " group by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list();
        for (var status : counted) {
            assertThat(tabCount(page, status.getKey())).as(status.getKey()).isEqualTo(status.getValue());
        }
        assertThat(tabCount(page, "ALL"))
                .isEqualTo(counted.stream().mapToLong(Map.Entry::getValue).sum());
        assertThat(page.locator(".counts-note")).isVisible(); // the subject is not in the counters
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        assertThat(Files.size(screenshot(page, "filtered"))).isPositive();

        // Keyset paging: two per page over the four operations of this subject.
        page.navigate("/operations?subject=" + subject + "&limit=2");
        var seen = new HashSet<>(references(page));
        assertThat(seen).hasSize(2);
        page.locator("#next-page").click();
        assertThat(page).hasURL(Pattern.compile("cursor="));
        assertThat(page.locator("#first-page")).isVisible();
        seen.addAll(references(page));
        assertThat(seen).hasSize(4).containsAll(withdrawals).contains("LD-" + run);
        assertThat(page.locator("#next-page")).hasCount(0);

        // Free text from the top bar: a reference prefix.
        page.locator("#console-search").fill("LW-" + run);
        page.locator("#console-search").press("Enter");
        waitForPath(page, "/operations");
        assertThat(page.locator("tr[data-row]")).hasCount(3);
        assertThat(references(page)).containsExactlyInAnyOrderElementsOf(withdrawals);
    }

    @Test
    void savesAViewThatReopensTheSameFilterAndSharesItWithAnotherOperator() {
        String subject = "view-" + run;
        String reference = create(Operations.withdrawal().subject(subject))
                .get("reference")
                .asString();
        signInWithMfa(page, "operator");

        page.navigate("/operations?type=withdrawal&subject=" + subject);
        page.locator(".save-view summary").click();
        page.locator("#view-name").fill("Mine " + run);
        page.locator("#save-view button[type=submit]").click();
        assertThat(page.locator("[data-view][data-view-name='Mine " + run + "']"))
                .isVisible();
        page.locator(".save-view summary").click();
        page.locator("#view-name").fill("Team " + run);
        page.locator("#view-shared").check();
        page.locator("#save-view button[type=submit]").click();

        page.navigate("/operations");
        page.locator("[data-view][data-view-name='Mine " + run + "'] a").click();
        assertThat(page).hasURL(Pattern.compile("subject=" + subject));
        assertThat(page.locator("#f-subject")).hasValue(subject);
        assertThat(page.locator("#f-type")).hasValue("withdrawal");
        assertThat(page.locator("tr[data-row]")).hasCount(1);
        assertThat(references(page)).containsExactly(reference);
        assertThat(jdbc.sql("select count(*) from operations.saved_view_log where name like ? and action = 'created'")
                        .param("% " + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        page.onDialog(dialog -> dialog.accept()); // "Delete the view …?"
        page.locator("[data-view][data-view-name='Mine " + run + "'] button").click();
        assertThat(page.locator("[data-view][data-view-name='Mine " + run + "']"))
                .hasCount(0);
        assertThat(jdbc.sql("select actor_id from operations.saved_view_log where name = ? and action = 'deleted'")
                        .param("Mine " + run)
                        .query(String.class)
                        .list())
                .hasSize(1);

        var other = newContext("en-US").newPage();
        signInWithMfa(other, "operator");
        other.navigate("/operations");
        assertThat(other.locator("[data-view][data-view-name='Team " + run + "']"))
                .isVisible();
        assertThat(other.locator("[data-view][data-view-name='Mine " + run + "']"))
                .hasCount(0);
        assertThat(other.locator("[data-view][data-view-name='Team " + run + "'] button"))
                .hasCount(0);
        other.locator("[data-view][data-view-name='Team " + run + "'] a").click();
        assertThat(other.locator("tr[data-row]")).hasCount(1);
        assertThat(references(other)).containsExactly(reference);
    }

    @Test
    void movesTwentySelectedOperationsAndReportsEachOneDoneOrRefusedWithItsReason() {
        String subject = "bulk-" + run;
        var reviewed = new ArrayList<String>();
        var requested = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            var created = create(
                    Operations.withdrawal().reference("LB-" + run + "-" + i).subject(subject));
            String id = created.get("id").asString();
            if (i < 14) {
                assertThat(transition(id, "under_review", null).status()).isEqualTo(200);
                reviewed.add(id);
            } else {
                requested.add(id);
            }
        }
        signInWithMfa(page, "operator");
        page.navigate("/operations?subject=" + subject);
        assertThat(page.locator("tr[data-row]")).hasCount(20);
        // Someone else moves one after the operator saw the list.
        String movedMeanwhile = reviewed.get(0);
        assertThat(transition(movedMeanwhile, "cancelled", "client asked").status())
                .isEqualTo(200);

        page.locator("[data-select-all]").check();
        assertThat(page.locator("[data-selected-count]")).hasText("20 selected");
        page.locator("#bulk-action").selectOption("transition");
        page.locator("#bulk-to").selectOption("approved");
        page.locator("#bulk-reason").fill("checked by bulk " + run);
        page.locator("#bulk-apply").click();

        var results = page.locator("#bulk-results tbody tr");
        assertThat(results).hasCount(20);
        assertThat(page.locator("#bulk-results tr[data-outcome=DONE]")).hasCount(13);
        assertThat(page.locator("#bulk-results tr[data-outcome=REFUSED]")).hasCount(7);
        assertThat(page.locator("#bulk-results tr[data-outcome=REFUSED]")
                        .filter(new Locator.FilterOptions().setHasText("Cannot move from requested to approved")))
                .hasCount(6);
        assertThat(page.locator("#bulk-results tr[data-outcome=REFUSED]")
                        .filter(new Locator.FilterOptions().setHasText("Someone else changed it meanwhile")))
                .hasCount(1);
        assertThat(page).hasURL(Pattern.compile("/operations\\?subject=")); // no navigation: htmx

        assertThat(stagesOf(reviewed.subList(1, 14))).containsOnly("approved");
        assertThat(stagesOf(requested)).containsOnly("requested");
        assertThat(stagesOf(List.of(movedMeanwhile))).containsOnly("cancelled");
        assertNoSeriousA11yViolations(page);
        screenshot(page, "bulk-result");
    }

    @Test
    void showsNewOperationsOfTheFilterWithoutAReloadAndOpensRowsByKeyboard() {
        String subject = "fresh-" + run;
        String first =
                create(Operations.withdrawal().subject(subject)).get("id").asString();
        signInWithMfa(page, "operator");
        page.navigate("/operations?subject=" + subject);
        assertThat(page.locator("tr[data-row]")).hasCount(1);
        page.evaluate("window.sameDocument = true");

        String reference = create(Operations.withdrawal().subject(subject))
                .get("reference")
                .asString();
        assertThat(page.locator("#fresh-link"))
                .hasText("1 new operation — show", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page.evaluate("window.sameDocument === true")).isEqualTo(true);
        page.locator("#fresh-link").click();
        assertThat(page.locator("tr[data-row]")).hasCount(2);
        assertThat(references(page)).contains(reference);

        page.locator("body").press("j");
        page.keyboard().press("j");
        assertThat(page.locator("tr[data-row]").nth(1)).isFocused();
        page.keyboard().press("k");
        assertThat(page.locator("tr[data-row]").nth(0)).isFocused();
        assertThat(page.locator("tr[data-row]").nth(0)).hasAttribute("data-reference", reference); // newest first
        String newest = page.locator("tr[data-row]").nth(0).getAttribute("data-id");
        assertThat(newest).isNotEqualTo(first);
        page.keyboard().press("Enter");
        waitForPath(page, "/operations/" + newest);
    }

    private static List<String> references(Page page) {
        page.locator("tr[data-row]").first().waitFor();
        return page.locator("tr[data-row]").evaluateAll("rows => rows.map(r => r.dataset.reference)")
                        instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static long tabCount(Page page, String status) {
        String text = page.locator("[data-status-tab][data-status=" + status + "] [data-count]")
                .textContent();
        return Long.parseLong(text.replaceAll("\\D", ""));
    }

    private List<String> stagesOf(List<String> ids) {
        return jdbc.sql("select stage from operations.operation where id = any(?::uuid[])")
                .param(ids.toArray(String[]::new))
                .query(String.class)
                .list();
    }
}
