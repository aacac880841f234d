package org.opsdesk.support.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The browser tests' own checks catch what they are there for: a check that cannot fail would prove nothing. */
class BrowserChecksIntegrationTests extends BrowserTest {

    @Test
    void accessibilityCheckNamesTheRuleItsImpactAndTheElement() {
        page.navigate("/login");
        assertNoSeriousA11yViolations(page);

        page.evaluate("() => { document.querySelector('label[for=password]').remove();"
                + " document.documentElement.removeAttribute('lang'); }");

        assertThatThrownBy(() -> assertNoSeriousA11yViolations(page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("axe-core " + Axe.VERSION)
                .hasMessageContaining("[critical] label: Form elements must have labels")
                .hasMessageContaining("at #password")
                .hasMessageContaining("[serious] html-has-lang");
    }

    @Test
    void messageKeyCheckNamesTheKeysThymeleafCouldNotFind() {
        page.navigate("/login");
        assertNoMissingMessageKeys(page);

        page.evaluate("() => { document.querySelector('h1').textContent = '??signin.nowhere_en??';"
                + " document.querySelector('#username').setAttribute('placeholder', '??signin.hint_en??'); }");

        assertThatThrownBy(() -> assertNoMissingMessageKeys(page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[??signin.nowhere_en??, ??signin.hint_en??]");
    }

    @Test
    void drivesDebiansChromiumWhenItIsInstalled() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Chromium.SYSTEM), "no " + Chromium.SYSTEM + ": Playwright's own build runs");
        var process = new ProcessBuilder(Chromium.SYSTEM.toString(), "--version")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String installed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(installed).contains(" " + browser.version() + " ");
    }
}
