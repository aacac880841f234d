package org.opsdesk.support.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.impl.driver.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the browser of the browser tests: Debian's Chromium ({@code apt-get install chromium}, which .ci/run does)
 * when it is installed. Without it — a developer's machine with only a JDK and Maven — Playwright's own Chromium,
 * downloaded once into Playwright's cache by Playwright's own installer, so that {@code mvn verify} still runs every
 * browser test. {@code -Dopsdesk.test.browser=playwright} forces that fallback (to try it where Chromium is installed).
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

    private static boolean installed;

    private Chromium() {}

    /** A new browser with a fresh, temporary profile (Playwright gives every launch its own user-data dir). */
    static Browser launch(Playwright playwright) {
        var options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(ARGUMENTS)
                .setTimeout(30_000);
        if (useSystemChromium()) {
            options.setExecutablePath(SYSTEM);
        } else {
            installPlaywrightChromium();
        }
        return playwright.chromium().launch(options);
    }

    private static boolean useSystemChromium() {
        return Files.isExecutable(SYSTEM) && !"playwright".equals(System.getProperty("opsdesk.test.browser"));
    }

    /**
     * Runs Playwright's installer ({@code playwright install chromium}, the command its own CLI class runs) through
     * the driver bundled with the Java client. The pom sets {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} so that the
     * client never downloads a browser by itself where Debian's is used; the installer is asked explicitly here. It
     * does nothing when the browser is already in the cache.
     */
    private static synchronized void installPlaywrightChromium() {
        if (installed) {
            return;
        }
        ProcessBuilder installer = Driver.ensureDriverInstalled(Map.of(), false).createProcessBuilder();
        installer.command().add("install");
        installer.command().add("chromium");
        installer.environment().remove("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD");
        // Into a file, not this JVM's stdout: the test runner's fork talks to Maven over that stream.
        installer.redirectErrorStream(true);
        try {
            Path log = Files.createTempFile("playwright-install", ".log");
            installer.redirectOutput(log.toFile());
            Process process = installer.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Installing Playwright's Chromium took over 10 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Installing Playwright's Chromium failed (exit " + process.exitValue()
                        + "); install Debian's instead (apt-get install -y chromium). The installer said:\n"
                        + Files.readString(log).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run Playwright's installer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing Playwright's Chromium", e);
        }
        installed = true;
    }
}
