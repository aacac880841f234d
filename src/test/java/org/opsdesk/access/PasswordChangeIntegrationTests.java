package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordChangeIntegrationTests extends SignInTestSupport {

    private static final String NEW_PASSWORD = "a new sentence only I would think of";

    @Test
    void anOperatorChangesTheirOwnPasswordWithTheCurrentOneAndTheirOtherSessionsEnd() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        var elsewhere = browser();
        elsewhere.signIn(username, PASSWORD);
        assertThat(elsewhere.get("/").status()).isEqualTo(200);

        assertThat(browser.get("/account/password").status()).isEqualTo(200);
        var changed = browser.post(
                "/account/password", "current", PASSWORD, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD);

        assertThat(changed.location()).isEqualTo("/?passwordChanged");
        assertThat(browser.get("/").status()).as("this session goes on").isEqualTo(200);
        assertThat(elsewhere.get("/").location()).startsWith("/login");
        assertThat(browser().signIn(username, PASSWORD).location()).isNull(); // refused: the form again
        assertThat(browser().signIn(username, NEW_PASSWORD).location()).isEqualTo("/");
        assertThat(eventDetails(username, "password_changed")).contains("\"self\": true");
    }

    @Test
    void refusesAChangeWithoutTheRightCurrentPasswordAndEndsASessionThatKeepsGuessing() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        browser.get("/account/password");

        var wrong = browser.post(
                "/account/password",
                "current",
                "not my password",
                "password",
                NEW_PASSWORD,
                "confirmation",
                NEW_PASSWORD);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.alert()).isEqualTo("The current password is not right.");
        assertThat(events(username)).anyMatch(e -> e.startsWith("password_change_refused"));
        for (int guess = 2; guess < 5; guess++) {
            browser.post(
                    "/account/password",
                    "current",
                    "guess " + guess,
                    "password",
                    NEW_PASSWORD,
                    "confirmation",
                    NEW_PASSWORD);
        }
        var fifth = browser.post(
                "/account/password", "current", "guess 5", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD);

        assertThat(fifth.location()).isEqualTo("/login?ended");
        assertThat(browser.get("/").location()).startsWith("/login");
        assertThat(browser().signIn(username, PASSWORD).location()).isEqualTo("/");
    }

    @Test
    void showsThePolicyInBytesAndTakesLongPassPhrasesUpToIt() {
        String username = operator("support");
        var browser = browser();
        browser.signIn(username, PASSWORD);
        browser.get("/account/password");
        String tooLong = "zażółć gęślą jaźń ".repeat(10); // 180 characters, 270 bytes
        String longest = "zażółć gęślą jaźń ".repeat(9) + "and twelve"; // 253 bytes, well past bcrypt's 72

        var refused =
                browser.post("/account/password", "current", PASSWORD, "password", tooLong, "confirmation", tooLong);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.alert()).contains("at most 256 bytes");

        assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isBetween(73, 256);
        var changed =
                browser.post("/account/password", "current", PASSWORD, "password", longest, "confirmation", longest);
        assertThat(changed.location()).isEqualTo("/?passwordChanged");
        assertThat(browser().signIn(username, longest).location()).isEqualTo("/");
    }

    @Test
    void aPasswordAnAdministratorResetMustBeChangedBeforeAnythingElse() {
        String username = operator("support");
        var reset = api().post("/api/v1/operators/" + username + "/reset-password", "");
        assertThat(reset.status()).isEqualTo(200);
        String temporary = reset.json().get("temporaryPassword").asString();

        var browser = browser();
        assertThat(browser.signIn(username, temporary).location()).isEqualTo("/");
        assertThat(browser.get("/").location()).isEqualTo("/account/password");
        assertThat(browser.get("/operations").location()).isEqualTo("/account/password");
        var page = browser.get("/account/password");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("[role=status]").text()).contains("An administrator set your password");

        browser.post("/account/password", "current", temporary, "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD);

        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(eventDetails(username, "password_changed")).contains("\"wasRequired\": true");
    }

    @Test
    void anOperatorCreatedWithAPasswordMustChangeItAndTheApiBoundsItInBytes() {
        String username = "pw-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String longest = "zażółć gęślą jaźń ".repeat(9) + "and twelve"; // 253 bytes: bcrypt answered 500

        var tooLong = api().post("/api/v1/operators", body(username, "zażółć gęślą jaźń ".repeat(10)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("\"password\"").contains("at most 256 bytes");

        assertThat(api().post("/api/v1/operators", body(username, longest)).status())
                .isEqualTo(201);
        var browser = browser();
        assertThat(browser.signIn(username, longest).location()).isEqualTo("/");
        assertThat(browser.get("/").location()).isEqualTo("/account/password");
    }

    private static String body(String username, String password) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Pass Phrase\",\"password\":\"" + password
                + "\",\"roles\":[\"support\"]}";
    }
}
