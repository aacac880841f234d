package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.notifications.Changes;
import org.opsdesk.notifications.templates.MessageRenderer;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.notifications.templates.TemplateFiles;
import org.opsdesk.notifications.webhooks.WebhookEndpoint;

/** The alert and the endpoint owner's notice render in every language, and a broken override stops the start. */
class SystemMessagesTests {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");
    private static final UUID DELIVERY = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001");
    private static final UUID ENDPOINT = UUID.fromString("6f1c2a4e-0000-4000-8000-000000000002");

    @TempDir
    Path overrides;

    static List<String> locales() {
        return TemplateFiles.LOCALES;
    }

    @ParameterizedTest
    @MethodSource("locales")
    void rendersBothMessagesInEveryLanguageWithNothingUnresolved(String locale) {
        var messages = messages(null, locale);
        var operation = Changes.of("withdrawal").reference("W-<b>1</b>").build().operation();

        RenderedMessage alert = messages.deliveryFailed(failed("HTTP 400 <html>"), operation);
        RenderedMessage notice = messages.endpointDisabled(endpoint(), AT.minusSeconds(432_000), "HTTP 500", AT);

        for (var message : List.of(alert, notice)) {
            assertThat(message.locale()).isEqualTo(locale);
            for (String part : List.of(message.subject(), message.text(), message.html())) {
                assertThat(part).isNotBlank().doesNotContain("??", "[(", "${", "th:", "null");
            }
            assertThat(message.subject()).doesNotContain("\n");
            assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("lang=\"" + locale + "\"");
        }
        assertThat(alert.subject()).contains("webhook").contains("W-<b>1</b>");
        assertThat(alert.text())
                .contains(DELIVERY.toString(), ENDPOINT.toString(), "W-<b>1</b>", "HTTP 400 <html>", ": 8");
        assertThat(alert.html())
                .contains("W-&lt;b&gt;1&lt;/b&gt;", "HTTP 400 &lt;html&gt;")
                .doesNotContain("<b>1");
        assertThat(notice.text()).contains(ENDPOINT.toString(), "https://hooks.example.com/opsdesk", "HTTP 500");
        assertThat(notice.text()).contains("POST /api/v1/webhooks/" + ENDPOINT + "/enable");
    }

    @Test
    void writesTheAlertInTheStaffLanguageWithTheOperationIdWhenTheOperationCannotBeRead() {
        var failed = failed("HTTP 410");

        var alert = messages(null, "pt-BR").deliveryFailed(failed, null);

        assertThat(alert.subject()).isEqualTo("[Opsdesk] Uma notificação por webhook falhou definitivamente");
        assertThat(alert.text())
                .contains("\nOperação: " + failed.operationId() + "\n")
                .contains("Tentativas: 8")
                .contains("Último erro: HTTP 410");
    }

    @Test
    void refusesToStartWhenAnOverrideUsesAVariableTheMessageDoesNotHave() throws IOException {
        Files.createDirectories(overrides.resolve("system"));
        Files.writeString(overrides.resolve("system/endpoint_disabled.pl.txt"), "[(${operation.reference})]");

        assertThatThrownBy(() -> messages(overrides, "en"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "template 'system/endpoint_disabled' (pl txt) uses unknown variables [operation]");
    }

    private static SystemMessages messages(Path overrides, String locale) {
        var files = new TemplateFiles(overrides);
        return new SystemMessages(files, new MessageRenderer(files), locale);
    }

    private static Delivery failed(String lastError) {
        return new Delivery(
                DELIVERY,
                UUID.randomUUID(),
                "operation.status_changed",
                UUID.randomUUID(),
                "withdrawal",
                Delivery.WEBHOOK,
                ENDPOINT.toString(),
                null,
                "msg_1",
                false,
                DeliveryState.FAILED,
                8,
                null,
                lastError,
                null,
                AT,
                AT,
                null,
                null,
                null);
    }

    private static WebhookEndpoint endpoint() {
        return new WebhookEndpoint(
                ENDPOINT,
                "https://hooks.example.com/opsdesk",
                "ledger sync",
                "ledger@example.com",
                List.of("*"),
                false,
                "failing",
                null,
                AT,
                "api_key:1",
                AT,
                "system:webhook-delivery");
    }
}
