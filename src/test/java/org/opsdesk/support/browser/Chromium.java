package org.opsdesk.support.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the browser of the browser tests: Debian's Chromium ({@code apt-get install chromium}, which .ci/run does)
 * when it is installed. Without it, Playwright's own Chromium build — which has to be downloaded first (run the
 * tests once without {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}, which the pom sets, or run Playwright's
 * {@code install chromium} command).
 */
final class Chromium {

    static final Path SYSTEM = Path.of("/usr/bin/chromium");

    // Headless, no sandbox (the tests may run as root), and none of the background traffic a desktop browser makes
    // (component and safe-browsing updates, sync, first-run pages): a test run talks to the application only.
    private static final List<String> ARGUMENTS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private Chromium() {}

    /** A new browser with a fresh, temporary profile (Playwright gives every launch its own user-data dir). */
    static Browser launch(Playwright playwright) {
        var options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(ARGUMENTS)
                .setTimeout(30_000);
        if (Files.isExecutable(SYSTEM)) {
            options.setExecutablePath(SYSTEM);
        }
        return playwright.chromium().launch(options);
    }
}
