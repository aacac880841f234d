package org.opsdesk.support.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.support.Authenticator;
import org.opsdesk.support.IntegrationTest;

/**
 * Base of the browser tests: the application as {@link IntegrationTest} runs it, used through Chromium driven by
 * Playwright. Starting a browser is the expensive part, so there is one per test class; each test gets a fresh
 * context (no cookies, no storage) with a {@link #page} open in it, and relative URLs resolve against the
 * application.
 *
 * <p>Waits are Playwright's own (for a selector, a URL, a web-first assertion), never sleeps.
 */
public abstract class BrowserTest extends IntegrationTest {

    /** An operator and what they type to sign in; {@code totpKey} is the key the enrolment page showed. */
    public record Credentials(String username, String password, String totpKey) {}

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s<>\"]+\\?\\?");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static Playwright playwright;
    static Browser browser;

    private final List<BrowserContext> contexts = new ArrayList<>();

    /** A page in this test's own context. */
    protected Page page;

    /** What {@link #page} showed when a test failed (before its context closes), to see why. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            screenshot(page, test.getRequiredTestMethod().getName() + "-failed");
        }
    };

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close(); // the browser and the driver process with it
        }
        playwright = null;
        browser = null;
    }

    @BeforeEach
    void openPage() {
        page = newContext("en-US").newPage();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /**
     * Another browser profile for this test (closed after it), whose language preference is {@code locale}. Each
     * gets a client address of its own (TEST-NET-3, given as a proxy would): the per-address sign-in limits of one
     * test stay out of the others'.
     */
    protected BrowserContext newContext(String locale) {
        int n = ADDRESSES.incrementAndGet();
        var context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setLocale(locale)
                .setViewportSize(1280, 800)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0." + (113 + n / 250) + "." + (1 + n % 250))));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        return context;
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Signs in through the login page, and the code page when {@code totpKey} is given; ends on the start page. */
    protected void signIn(Page page, String username, String password, @Nullable String totpKey) {
        submitPassword(page, username, password);
        if (totpKey != null) {
            waitForPath(page, "/login/code");
            page.locator("#code").fill(authenticatorCode(username, totpKey));
            page.locator("form[action='/login/code'] button[type=submit]").click();
        }
        waitForPath(page, "/");
    }

    protected void signIn(Page page, Credentials operator) {
        signIn(page, operator.username(), operator.password(), operator.totpKey());
    }

    /** Fills in the login form and sends it; where the browser goes next is up to the caller. */
    protected void submitPassword(Page page, String username, String password) {
        page.navigate("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
    }

    /**
     * The code an authenticator shows for this key now. The server takes each 30-second step once per operator, so
     * after a step was used (at enrolment, or by an earlier sign-in) this is the next step's code, which it accepts
     * too (clocks may run a step ahead); a third sign-in within one step would have to wait for the next.
     */
    protected String authenticatorCode(String username, String totpKey) {
        long used = jdbc.sql("select coalesce(mfa_last_step, 0) from access.operator where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        long step = Math.max(Authenticator.currentStep(), used + 1);
        if (step > Authenticator.currentStep() + 1) {
            throw new IllegalStateException(username + " used the codes of this step and the next already");
        }
        return Authenticator.code(Authenticator.secret(totpKey), step);
    }

    /**
     * A new operator with these roles who has turned on two-step verification through the enrolment page (in a
     * context of its own, left signed in), for a test that signs them in itself, or more than once.
     */
    protected Credentials operatorWithMfa(String... roles) {
        return signInWithMfa(newContext("en-US").newPage(), roles);
    }

    /**
     * Signs a new operator with these roles in on {@code page} (whose context nobody is signed in on) as a new
     * operator starts: the password, then two-step verification turned on through the enrolment page, which
     * completes the sign-in. Ends on the page showing the recovery codes. One sign-in instead of the two of
     * {@code signIn(page, operatorWithMfa(...))}, which the browser tests paid for in every test.
     */
    protected Credentials signInWithMfa(Page page, String... roles) {
        String username =
                ensureOperator("browser-" + UUID.randomUUID().toString().substring(0, 8), roles);
        submitPassword(page, username, OPERATOR_PASSWORD);
        waitForPath(page, "/", "/account/mfa"); // the second when a role requires MFA
        String key = enrol(page);
        return new Credentials(username, OPERATOR_PASSWORD, key);
    }

    /** Turns on two-step verification for the operator signed in (or signing in) on this page; returns the key. */
    protected String enrol(Page page) {
        page.navigate("/account/mfa");
        String key = page.locator("#mfa-secret").textContent().strip();
        if (page.locator("#mfa-password").count() > 0) { // signed in already: the password confirms it
            page.locator("#mfa-password").fill(OPERATOR_PASSWORD);
        }
        page.locator("#code").fill(Authenticator.code(Authenticator.secret(key), Authenticator.currentStep()));
        page.locator("form[action='/account/mfa'] button[type=submit]").click();
        page.locator(".recovery-codes").waitFor();
        return key;
    }

    /** Waits until the page has loaded one of these paths; otherwise fails saying where it is and what it shows. */
    protected static void waitForPath(Page page, String... paths) {
        var wanted = Set.of(paths);
        try {
            page.waitForURL(url -> wanted.contains(URI.create(url).getPath()));
        } catch (PlaywrightException e) {
            var alert = page.locator("[role=alert]");
            throw new AssertionError(
                    "expected the browser at " + wanted + " but it is at " + page.url()
                            + (alert.count() > 0
                                    ? " showing \""
                                            + alert.first().textContent().strip() + "\""
                                    : ""),
                    e);
        }
    }

    /** Saves the whole page as target/screenshots/TestClass-name.png. */
    protected Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Runs axe-core on the page as it is now; fails listing every serious or critical violation. */
    protected static void assertNoSeriousA11yViolations(Page page) {
        var serious = Axe.violations(page).stream()
                .filter(Axe.Violation::seriousOrWorse)
                .toList();
        if (!serious.isEmpty()) {
            var list = new StringBuilder();
            serious.forEach(v -> list.append("\n  ").append(v));
            throw new AssertionError("axe-core " + Axe.VERSION
                    + " found serious or critical accessibility violations on " + page.url() + ":" + list);
        }
    }

    /** Fails when the page (text or attributes) shows a {@code ??key_locale??} Thymeleaf leaves for a missing key. */
    protected static void assertNoMissingMessageKeys(Page page) {
        var missing = MISSING_MESSAGE
                .matcher(page.content())
                .results()
                .map(m -> m.group())
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("missing message keys on " + page.url() + ": " + missing);
        }
    }
}
