package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code ?lang=} switches the language for the session only; the profile changes through the switch's POST with
 * its CSRF token (review of 2026-12: a GET rewrote the profile, so any link or image could).
 */
class LanguageSwitchIntegrationTests extends SignInTestSupport {

    @Test
    void aGetSwitchesTheSessionAndOnlyThePostWithItsTokenChangesTheProfile() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);

        var polish = browser.get("/account?lang=pl");
        assertThat(polish.html().selectFirst("html").attr("lang")).isEqualTo("pl");
        assertThat(browser.get("/account").html().selectFirst("html").attr("lang"))
                .as("for the rest of the session")
                .isEqualTo("pl");
        assertThat(profileLanguage(username)).isEqualTo("en");

        var forged = browser.postWithoutToken("/account/language", "lang", "nl", "return", "/account");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(profileLanguage(username)).isEqualTo("en");

        var form = browser.get("/account").html().selectFirst(".languages form:has(button[lang=nl])");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[name=return]").attr("value")).isEqualTo("/account");
        assertThat(form.selectFirst("button[lang=nl]").attr("name")).isEqualTo("lang");
        assertThat(form.selectFirst("button[lang=nl]").attr("value")).isEqualTo("nl");
        var saved = browser.post("/account/language", "lang", "nl", "return", "/account");
        assertThat(saved.location()).isEqualTo("/account");
        assertThat(profileLanguage(username)).isEqualTo("nl");
        assertThat(eventDetails(username, "operator_updated")).contains("\"locale\": \"nl\"");
        var elsewhere = browser();
        elsewhere.signIn(username, PASSWORD);
        assertThat(elsewhere.get("/account").html().selectFirst("html").attr("lang"))
                .as("the profile follows the operator")
                .isEqualTo("nl");
    }

    @Test
    void returnsOnlyToAPageOfThisSite() {
        var browser = browser();
        browser.signIn(operator("support"), PASSWORD);
        browser.get("/account");

        for (String elsewhere : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
            assertThat(browser.post("/account/language", "lang", "en", "return", elsewhere)
                            .location())
                    .isEqualTo("/");
            browser.get("/account");
        }
    }

    private String profileLanguage(String username) {
        return jdbc.sql("select locale from access.operator where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }
}
