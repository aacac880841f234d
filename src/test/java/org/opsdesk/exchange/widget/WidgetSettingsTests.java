package org.opsdesk.exchange.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WidgetSettingsTests {

    @Test
    void withoutOriginsOnlyThisApplicationMayFrameIt() {
        assertThat(new WidgetSettings(List.of()).frameAncestors()).isEqualTo("frame-ancestors 'self'");
        assertThat(new WidgetSettings(List.of(" ", "")).frameAncestors()).isEqualTo("frame-ancestors 'self'");
    }

    @Test
    void listsTheOriginsAfterSelfNormalised() {
        var settings = new WidgetSettings(
                List.of("https://www.Example.com", " http://127.0.0.1:8081 ", "https://*.kantor.pl", "https://a.pl:*"));
        assertThat(settings.frameAncestors())
                .isEqualTo("frame-ancestors 'self' https://www.example.com http://127.0.0.1:8081 https://*.kantor.pl"
                        + " https://a.pl:*");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "https://*",
                "www.example.com",
                "ftp://example.com",
                "https://example.com/",
                "https://example.com/widget",
                "https://example.com?x=1",
                "https://example.com#top",
                "https://user@example.com",
                "https://example.com:0",
                "https://example.com:70000",
                "https://example.com:80x",
                "https://ex*ample.com",
                "https://www.*.example.com",
                "https://[::1]:8080",
                "'self'",
                "'none'",
                "data:",
                "https://example.com; script-src *",
                "https://example.com https://other.com",
                "https://-example.com"
            })
    void refusesWhatIsNotAnOriginNamingIt(String configured) {
        assertThatThrownBy(() -> new WidgetSettings(List.of("https://ok.example.com", configured)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opsdesk.exchange.widget.allowed-origins")
                .hasMessageContaining("'" + configured + "' is not an origin")
                .hasMessageContaining("scheme://host[:port]");
    }

    @Test
    void bindsACommaSeparatedSettingAndRefusesTheStartOnABadOne() {
        var good = new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                        "opsdesk.exchange.widget.allowed-origins", "https://a.example.com, https://b.example.com")))
                .bindOrCreate("opsdesk.exchange.widget", WidgetSettings.class);
        assertThat(good.allowedOrigins()).containsExactly("https://a.example.com", "https://b.example.com");
        var bad = new Binder(new MapConfigurationPropertySource(
                java.util.Map.of("opsdesk.exchange.widget.allowed-origins", "https://a.example.com/path")));
        assertThatThrownBy(() -> bad.bindOrCreate("opsdesk.exchange.widget", WidgetSettings.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("'https://a.example.com/path' is not an origin");
    }
}
