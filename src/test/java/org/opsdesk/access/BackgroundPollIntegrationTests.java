package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A page's background poll (the operations list's "new operations" banner, every 10 s) reads the session but is
 * no activity: a list left open times out like any idle session (review of 2026-12; it kept sessions alive for
 * ever before).
 */
class BackgroundPollIntegrationTests extends SignInTestSupport {

    private static final long MINUTE = 60_000;

    @Test
    void aBackgroundPollDoesNotKeepTheSessionAliveButAPersonsRequestDoes() {
        String username = operator("support");
        var person = browser();
        person.signIn(username, PASSWORD);
        var list = person.get("/operations");
        assertThat(list.html().selectFirst("#fresh").attr("hx-headers")).contains("\"X-Opsdesk-Background\": \"poll\"");
        String freshUrl = list.html().selectFirst("#fresh").attr("hx-get");
        var poller = person.sameSessionElsewhere(person.ip())
                .header("HX-Request", "true")
                .header("X-Opsdesk-Background", "poll");

        idleFor(username, 10 * MINUTE);
        long idleSince = lastAccess(username);
        assertThat(poller.get(freshUrl).status()).isEqualTo(200);
        assertThat(lastAccess(username)).as("the poll is not activity").isEqualTo(idleSince);

        assertThat(person.get(freshUrl).status()).isEqualTo(200);
        assertThat(lastAccess(username)).as("a person's request is").isGreaterThan(idleSince);
        long movedAt = lastAccess(username);
        assertThat(person.get(freshUrl).status()).isEqualTo(200);
        assertThat(lastAccess(username))
                .as("written at most once a minute: a request right after is no new write")
                .isEqualTo(movedAt);

        idleFor(username, 16 * MINUTE);
        var afterTimeout = poller.get(freshUrl);
        assertThat(afterTimeout.status())
                .as("htmx is told to take the browser to the sign-in page, not to swap it into the banner")
                .isEqualTo(401);
        assertThat(afterTimeout.header("HX-Redirect")).isEqualTo("/login?expired");
        assertThat(afterTimeout.body()).doesNotContain("<form");
        assertThat(person.get("/").location()).as("the session is over").startsWith("/login");
        assertThat(person.get("/login?expired")
                        .html()
                        .selectFirst("[role=status]")
                        .text())
                .isEqualTo("Your session expired while the page was open. Please sign in again.");
    }

    private void idleFor(String username, long millis) {
        jdbc.sql("update access.http_session set last_access_time = ? where principal_name = ?")
                .params(System.currentTimeMillis() - millis, username)
                .update();
    }

    private long lastAccess(String username) {
        return jdbc.sql("select last_access_time from access.http_session where principal_name = ?")
                .param(username)
                .query(Long.class)
                .single();
    }
}
