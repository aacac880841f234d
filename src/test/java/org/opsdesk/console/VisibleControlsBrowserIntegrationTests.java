package org.opsdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.support.Operations;
import org.opsdesk.support.browser.BrowserTest;

/**
 * A control the operator may not use is not shown: for each built-in desk role, every link the console shows
 * (navigation, page actions such as Export CSV, htmx {@code hx-get} panels) is followed, breadth first from the
 * dashboard, and none may answer with a refusal (401, 403) or an error. Links that only change the view of the same
 * page (language, sort, paging) are followed once per path, and one page of each shape (one operation, one
 * workflow) is searched for further controls.
 */
class VisibleControlsBrowserIntegrationTests extends BrowserTest {

    /** Paths that end the session or only switch the language: following them says nothing about permissions. */
    private static final Pattern NOT_A_CONTROL = Pattern.compile("^/(logout|login.*)$");

    private static final int MAX_PAGES = 40;

    @ParameterizedTest
    @ValueSource(strings = {"operator", "cashier", "support", "compliance", "auditor", "supervisor"})
    void showsNoControlThatLeadsToARefusal(String role) {
        var withdrawal = create(Operations.withdrawal()).path("id").asString();
        create(Operations.exchangeOrder());
        signInWithMfa(page, role);

        var refused = new ArrayList<String>();
        // what the pages load by themselves (htmx panels and controls) must not be refused either
        page.onResponse(response -> {
            String kind = response.request().resourceType();
            if (response.status() >= 400 && (kind.equals("xhr") || kind.equals("fetch"))) {
                refused.add(response.url() + " (loaded by the page) -> " + response.status());
            }
        });
        var visited = new LinkedHashSet<String>();
        var shapesWalked = new LinkedHashSet<String>();
        var queue = new ArrayDeque<Control>(
                List.of(new Control("/?lang=en", false), new Control("/operations/" + withdrawal, false)));
        while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
            var control = queue.poll();
            if (!visited.add(URI.create(control.target()).getPath())) {
                continue;
            }
            // through the browser's own cookies; an htmx panel is asked for as htmx asks for it
            var response = page.request()
                    .get(
                            control.target(),
                            control.htmx()
                                    ? RequestOptions.create().setHeader("HX-Request", "true")
                                    : RequestOptions.create());
            if (response.status() >= 400) {
                refused.add(control.target() + " -> " + response.status());
                continue;
            }
            boolean html = response.headers().getOrDefault("content-type", "").startsWith("text/html");
            // one page of each shape is walked further: the others of that shape offer the same controls
            if (html && !control.htmx() && shapesWalked.add(shapeOf(control.target()))) {
                page.navigate(control.target());
                queue.addAll(controlsOn(page));
                // the panels other modules serve into the page bring controls of their own (Export CSV)
                page.waitForFunction("() => !document.querySelector('[data-panel][aria-busy=true]')");
                queue.addAll(controlsOn(page));
            }
        }

        assertThat(refused)
                .as("controls shown to a %s that lead to a refusal (pages visited: %s)", role, visited)
                .isEmpty();
        assertThat(visited).as("the walk reached the list and an operation").contains("/operations");
    }

    private static final Pattern ID_SEGMENT = Pattern.compile("/[0-9a-f]{8}-[0-9a-f-]{27}|(?<=/workflows)/[a-z_]+");

    /** The page a path shows, with ids and workflow types replaced: {@code /operations/{id}}. */
    private static String shapeOf(String target) {
        return ID_SEGMENT.matcher(URI.create(target).getPath()).replaceAll("/{id}");
    }

    /** A link (followed as a page) or an htmx panel (asked for as a fragment). */
    private record Control(String target, boolean htmx) {}

    /** Same-origin GET targets of the visible links and htmx panels of the page as it is now. */
    @SuppressWarnings("unchecked")
    private static Set<Control> controlsOn(Page page) {
        var found = (List<List<Object>>)
                page.evaluate(
                        """
                () => [...document.querySelectorAll('a[href], [hx-get]')]
                  .filter(e => e.offsetParent !== null || (e.getAttribute('hx-trigger') ?? '').includes('load'))
                  .map(e => e.hasAttribute('hx-get') ? [e.getAttribute('hx-get'), true] : [e.getAttribute('href'), false])
                """);
        var controls = new LinkedHashSet<Control>();
        for (var pair : found) {
            String target = (String) pair.get(0);
            boolean htmx = Boolean.TRUE.equals(pair.get(1));
            if (target == null || !target.startsWith("/") || target.startsWith("//")) {
                continue; // anchors within the page, external links
            }
            String path = URI.create(target).getPath();
            if (NOT_A_CONTROL.matcher(path).matches()
                    || path.startsWith("/webjars/")
                    || path.startsWith("/css/")
                    || path.startsWith("/js/")) {
                continue;
            }
            controls.add(new Control(target, htmx));
        }
        return controls;
    }
}
