package org.opsdesk.notifications.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The generic HTTP adapters against a real HTTP server: body, auth header, time limits, redirects, statuses. */
class HttpGatewayTests {

    private final GatewayServer server = new GatewayServer(0);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpSmsGateway sms(Duration total) {
        return new HttpSmsGateway(new HttpGatewaySettings(
                server.url("/sms"),
                "Authorization",
                "Bearer sms-secret",
                "{\"to\":\"{to}\",\"text\":\"{text}\",\"from\":\"Opsdesk\"}",
                Duration.ofSeconds(5),
                total));
    }

    @Test
    void postsTheJsonBodyWithValuesEscapedAndTheAuthHeader() {
        var result = sms(Duration.ofSeconds(15)).send("+48600100200", "Wypłata \"W-9\"\nwysłana \\ ok");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        assertThat(result.detail()).isEqualTo("sms gateway answered 202: {\"id\":\"msg-1\"}");
        var request = server.received.get(0);
        assertThat(request.path()).isEqualTo("/sms");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer sms-secret");
        var json = JsonMapper.builder().build().readTree(request.body());
        assertThat(json.get("to").asString()).isEqualTo("+48600100200");
        assertThat(json.get("text").asString()).isEqualTo("Wypłata \"W-9\"\nwysłana \\ ok");
        assertThat(json.get("from").asString()).isEqualTo("Opsdesk");
    }

    @Test
    void pushesTitleAndText() {
        var push = new HttpPushGateway(new HttpGatewaySettings(
                server.url("/push"),
                "X-Api-Key",
                "k",
                "{\"token\":\"{to}\",\"title\":\"{title}\",\"body\":\"{text}\"}",
                Duration.ofSeconds(5),
                Duration.ofSeconds(15)));

        var result = push.send("device-token-1", "Depósito creditado", "<b>1.234,50 EUR</b>");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        var json = JsonMapper.builder().build().readTree(server.received.get(0).body());
        assertThat(json.get("token").asString()).isEqualTo("device-token-1");
        assertThat(json.get("title").asString()).isEqualTo("Depósito creditado");
        assertThat(json.get("body").asString()).isEqualTo("<b>1.234,50 EUR</b>");
    }

    @Test
    void serverErrorsAndThrottlingAreTransientClientErrorsPermanent() {
        server.status = 503;
        assertThat(sms(Duration.ofSeconds(15)).send("+1", "x").outcome())
                .isEqualTo(SendResult.Outcome.FAILED_TRANSIENT);
        server.status = 429;
        assertThat(sms(Duration.ofSeconds(15)).send("+1", "x").outcome())
                .isEqualTo(SendResult.Outcome.FAILED_TRANSIENT);
        server.status = 400;
        var refused = sms(Duration.ofSeconds(15)).send("+1", "x");
        assertThat(refused.outcome()).isEqualTo(SendResult.Outcome.FAILED_PERMANENT);
        assertThat(refused.detail()).isEqualTo("sms gateway answered 400: {\"id\":\"msg-1\"}");
    }

    @Test
    void doesNotFollowRedirects() {
        server.status = 302;
        server.location = server.url("/elsewhere");

        var result = sms(Duration.ofSeconds(15)).send("+1", "x");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED_PERMANENT);
        assertThat(result.detail()).endsWith("(redirects are not followed)");
        assertThat(server.received).extracting(GatewayServer.Received::path).containsExactly("/sms");
    }

    @Test
    void givesUpOnASlowGatewayAfterTheTotalTimeLimit() {
        server.delayMillis = 2000;

        long start = System.nanoTime();
        var result = sms(Duration.ofMillis(300)).send("+1", "x");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED_TRANSIENT);
        assertThat(result.detail()).startsWith("sms gateway did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
    }

    @Test
    void anUnconfiguredGatewayFailsPermanentlySayingWhichProperty() {
        var none = new HttpSmsGateway(new HttpGatewaySettings(
                "", "Authorization", "", "{}", HttpGatewaySettings.CONNECT_TIMEOUT, HttpGatewaySettings.TOTAL_TIMEOUT));

        assertThat(none.send("+1", "x"))
                .isEqualTo(SendResult.permanentFailure("no sms gateway is configured (opsdesk.notifications.sms.url)"));
    }
}
