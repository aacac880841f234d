package org.opsdesk.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Signing in to the console in Chromium: the real pages, by keyboard alone, accessible, in each language. */
class SignInBrowserIntegrationTests extends BrowserTest {

    @Autowired
    private MessageSource messages;

    @Test
    void signsInWithPasswordAndAuthenticatorCodeAndLandsOnTheDashboard() throws Exception {
        var operator = operatorWithMfa("operator");

        submitPassword(page, operator.username(), operator.password());
        waitForPath(page, "/login/code");
        assertThat(page.locator("h1")).hasText(english("signin.code.heading"));
        page.locator("#code").fill(authenticatorCode(operator.username(), operator.totpKey()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(english("signin.code.submit")))
                .click();

        waitForPath(page, "/");
        assertThat(page.locator("h1")).hasText(english("reports.dashboard.title"));
        page.navigate("/account");
        assertThat(page.locator("#username")).hasText(operator.username());
        assertThat(page.locator("#roles li")).hasText(new String[] {"operator"});
        assertThat(page.locator("#mfa")).hasText(english("start.mfa.on"));
        assertThat(secondFactorOfLastSignIn(operator.username())).isEqualTo("totp");
        assertThat(Files.size(screenshot(page, "start"))).isPositive();
    }

    @Test
    void showsWhyAfterAWrongPasswordAndKeepsTheUsername() throws Exception {
        var operator = operatorWithMfa("operator");

        submitPassword(page, operator.username(), "not the password at all");

        var error = page.locator("#signin-error");
        assertThat(error).hasText(english("signin.refused"));
        assertThat(error).hasAttribute("role", "alert");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.locator("#username")).hasValue(operator.username());
        assertThat(page.locator("#password")).hasValue("");
        assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#password")).hasAttribute("aria-describedby", "signin-error");
        assertThat(Files.size(screenshot(page, "login-wrong-password"))).isPositive();
    }

    @Test
    void signsInWithTheKeyboardAlone() {
        var operator = operatorWithMfa("operator");
        var keyboard = page.keyboard();

        page.navigate("/login");
        assertThat(page.locator("#username")).isFocused();
        keyboard.type(operator.username());
        keyboard.press("Tab");
        assertThat(page.locator("#password")).isFocused();
        keyboard.type(operator.password());
        keyboard.press("Tab");
        assertThat(page.locator("form[action='/login'] button[type=submit]")).isFocused();
        keyboard.press("Enter");

        waitForPath(page, "/login/code");
        assertThat(page.locator("#code")).isFocused();
        keyboard.type(authenticatorCode(operator.username(), operator.totpKey()));
        keyboard.press("Enter"); // submits the form from its only field

        waitForPath(page, "/");
        page.navigate("/account");
        assertThat(page.locator("#username")).hasText(operator.username());
    }

    @Test
    void signInPagesEnrolmentDashboardAndAccountHaveNoSeriousAccessibilityViolations() throws Exception {
        String username = ensureOperator("browser-a11y-" + System.nanoTime(), "support");

        page.navigate("/login");
        checkPage("login");
        submitPassword(page, username, "not the password");
        page.locator("#signin-error").waitFor();
        checkPage("login-error");

        signIn(page, username, OPERATOR_PASSWORD, null);
        checkPage("dashboard-without-mfa");
        page.navigate("/account/mfa");
        checkPage("mfa-enrolment");
        String key = enrol(page);
        checkPage("mfa-recovery-codes");
        page.locator(".recovery-codes ~ p a").click();
        waitForPath(page, "/");
        page.navigate("/account");
        assertThat(page.locator("#mfa")).hasText(english("start.mfa.on"));
        checkPage("account");

        page.locator("form[action='/logout'] button").click();
        waitForPath(page, "/login");
        assertThat(page.locator("[role=status]")).hasText(english("signin.notice.signedOut"));
        checkPage("login-signed-out");
        submitPassword(page, username, OPERATOR_PASSWORD);
        waitForPath(page, "/login/code");
        checkPage("login-code");
        page.locator("#code").fill("000000");
        page.locator("#code").press("Enter");
        assertThat(page.locator("#code-error")).hasText(english("signin.code.wrong"));
        checkPage("login-code-error");
        page.locator("#code").fill(authenticatorCode(username, key));
        page.locator("#code").press("Enter");
        waitForPath(page, "/");
        checkPage("dashboard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pt-BR", "nl", "pl"})
    void showsTheLoginPageInTheBrowsersLanguage(String language) {
        // the console follows the browser's Accept-Language until an operator is signed in (no ?lang= switch yet)
        var locale = Locale.forLanguageTag(language);
        var page = newContext(language).newPage();

        page.navigate("/login");
        assertThat(page.locator("html")).hasAttribute("lang", language);
        assertThat(page.locator("h1")).hasText(message("signin.heading", locale));
        assertThat(message("signin.heading", locale)).isNotEqualTo(english("signin.heading"));
        assertThat(page.locator("label[for=username]")).hasText(message("signin.username", locale));
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);

        submitPassword(page, "nobody-" + language, "not the password");
        assertThat(page.locator("#signin-error")).hasText(message("signin.refused", locale));
        assertNoMissingMessageKeys(page);
        screenshot(page, "login-error-" + language);
    }

    private void checkPage(String name) throws IOException {
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
        assertThat(Files.size(screenshot(page, name))).isPositive();
    }

    private String english(String key) {
        return message(key, Locale.ENGLISH);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String secondFactorOfLastSignIn(String username) {
        return jdbc.sql(
                        "select details ->> 'mfa' from access.security_event where target = ? and kind = 'login_succeeded' order by id desc limit 1")
                .param(SecurityLog.operator(username))
                .query(String.class)
                .single();
    }
}
