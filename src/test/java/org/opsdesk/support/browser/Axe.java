package org.opsdesk.support.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, from its webjar, run inside a page under test.
 *
 * <p>The pages' Content-Security-Policy allows scripts from their own origin only, so an inline script tag would be
 * refused. Rather than switch the policy off for the tests (which would hide the problems it catches), the script
 * is added by URL on the page's own origin and Playwright answers that one request itself: the application never
 * sees it and the page keeps its real policy.
 */
final class Axe {

    /** Where the page fetches axe from; answered by Playwright, never by the application. */
    private static final String SCRIPT_PATH = "/__browser-tests__/axe.min.js";

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    static final String VERSION = webjarVersion();
    private static final byte[] SCRIPT = read(WEBJAR + VERSION + "/axe.min.js");

    private static final String RUN =
            """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(results.violations.map(v => ({
                rule: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' '))
              })));
            }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One rule a page breaks, and the elements that break it. */
    record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {

        boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + rule + ": " + help + " (" + helpUrl + ")\n      at "
                    + String.join(", ", targets);
        }
    }

    private Axe() {}

    /** Every axe rule the page as it is now breaks (all of axe's default rules: WCAG 2.x A and AA, best practices). */
    static List<Violation> violations(Page page) {
        var url = page.url();
        String script = url.substring(0, url.indexOf('/', url.indexOf("//") + 2)) + SCRIPT_PATH;
        page.route(script, Axe::serve);
        try {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(script));
        } finally {
            page.unroute(script);
        }
        String found = (String) page.evaluate(RUN);
        return JSON.readValue(found, new TypeReference<List<Violation>>() {});
    }

    private static void serve(Route route) {
        route.fulfill(new Route.FulfillOptions()
                .setStatus(200)
                .setContentType("text/javascript; charset=utf-8")
                .setBodyBytes(SCRIPT));
    }

    private static String webjarVersion() {
        var pom = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the test classpath (org.webjars.npm:axe-core)");
        }
        return in;
    }
}
