package org.opsdesk.provider.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.WebhookSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The connector's settings ({@code opsdesk.provider.*}), checked at start: a base URL that is not plain http(s)
 * without credentials, query or fragment, a signing secret that is not a {@code whsec_} secret, or timeouts that
 * do not fit together refuse the start. No base URL means no provider: {@link #configured()} is false. The
 * credentials are a secret (from the environment) and appear in no log line and no {@code toString}.
 */
@Component
public final class ProviderSettings {

    private final @Nullable URI baseUrl;
    private final String credentialsHeader;
    private final String credentials;
    private final @Nullable String signingSecret;
    private final Duration connectTimeout;
    private final Duration attemptTimeout;
    private final Duration totalTimeout;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final int maxResponseBytes;
    private final Duration callbackTolerance;

    ProviderSettings(
            @Value("${opsdesk.provider.base-url:}") String baseUrl,
            @Value("${opsdesk.provider.credentials-header:Authorization}") String credentialsHeader,
            @Value("${opsdesk.provider.credentials:}") String credentials,
            @Value("${opsdesk.provider.signing-secret:}") String signingSecret,
            @Value("${opsdesk.provider.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${opsdesk.provider.attempt-timeout:PT15S}") Duration attemptTimeout,
            @Value("${opsdesk.provider.total-timeout:PT15S}") Duration totalTimeout,
            @Value("${opsdesk.provider.max-attempts:3}") int maxAttempts,
            @Value("${opsdesk.provider.retry-delay:PT0.5S}") Duration retryDelay,
            @Value("${opsdesk.provider.max-response-bytes:65536}") int maxResponseBytes,
            @Value("${opsdesk.provider.callback-tolerance:PT5M}") Duration callbackTolerance) {
        this.baseUrl = baseUrl.isBlank() ? null : checkedBase(baseUrl.strip());
        if (!credentialsHeader.matches("[A-Za-z0-9-]{1,64}")) {
            throw invalid("credentials-header", "must be a header name (letters, digits, dashes)");
        }
        if (credentials.contains("\r") || credentials.contains("\n")) {
            throw invalid("credentials", "must be one line");
        }
        this.credentialsHeader = credentialsHeader;
        this.credentials = credentials;
        this.signingSecret = signingSecret.isBlank() ? null : checkedSecret(signingSecret.strip());
        if (this.baseUrl != null && this.signingSecret == null) {
            throw invalid("signing-secret", "is required with a base-url (requests are signed, callbacks verified)");
        }
        if (!positive(connectTimeout) || !positive(attemptTimeout) || !positive(totalTimeout)) {
            throw invalid("connect-timeout, attempt-timeout and total-timeout", "must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 10 || retryDelay.isNegative()) {
            throw invalid("max-attempts and retry-delay", "must be 1 to 10 tries and a delay of zero or more");
        }
        if (maxResponseBytes < 1024 || !positive(callbackTolerance)) {
            throw invalid("max-response-bytes and callback-tolerance", "must be at least 1024 and positive");
        }
        this.connectTimeout = connectTimeout;
        this.attemptTimeout = attemptTimeout;
        this.totalTimeout = totalTimeout;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.maxResponseBytes = maxResponseBytes;
        this.callbackTolerance = callbackTolerance;
    }

    /** Settings for a connector built by hand (tests), with the default timeouts' shape. */
    public static ProviderSettings of(
            String baseUrl,
            String signingSecret,
            Duration attemptTimeout,
            Duration totalTimeout,
            int maxAttempts,
            Duration retryDelay) {
        return new ProviderSettings(
                baseUrl,
                "Authorization",
                "",
                signingSecret,
                Duration.ofSeconds(5),
                attemptTimeout,
                totalTimeout,
                maxAttempts,
                retryDelay,
                65536,
                Duration.ofMinutes(5));
    }

    public boolean configured() {
        return baseUrl != null;
    }

    /** The base URL without a trailing slash; only while {@link #configured()}. */
    public URI baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("no provider configured");
        }
        return baseUrl;
    }

    public String credentialsHeader() {
        return credentialsHeader;
    }

    /** The credentials' value; empty when none are configured (then no header is sent). */
    String credentials() {
        return credentials;
    }

    /** The secret requests are signed and callbacks verified with, if any. */
    public @Nullable String signingSecret() {
        return signingSecret;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    public Duration totalTimeout() {
        return totalTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    public Duration callbackTolerance() {
        return callbackTolerance;
    }

    @Override
    public String toString() { // never the credentials nor the secret
        return "ProviderSettings[baseUrl=" + baseUrl + ", credentialsHeader=" + credentialsHeader + "]";
    }

    private static URI checkedBase(String value) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw invalid("base-url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("base-url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid("base-url", "must name a host and carry no credentials (use credentials-header)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("base-url", "must have no query or fragment");
        }
        return uri;
    }

    private static String checkedSecret(String secret) {
        try {
            if (WebhookSecrets.key(secret).length >= 24) {
                return secret;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw invalid("signing-secret", "must be whsec_ followed by the base64 of at least 24 random bytes");
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static IllegalStateException invalid(String setting, String why) {
        return new IllegalStateException("opsdesk.provider." + setting + " " + why);
    }
}
