package org.opsdesk.access.keys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}. The key, as {@link ApiKeyStanding} says it may act now
 * (cut to its creator's current permissions), comes from the {@link ApiKeyCache} (which asks the database unless
 * it hears revocations and operator and role changes from every node); expiry is checked on every request, so a
 * revoked or expired key, or one whose creator was disabled, fails on its next request. Last use is written at most once a minute per key and node, to keep
 * a write off every request.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyStore keys;
    private final ApiKeyStanding standing;
    private final ApiKeyCache cache;
    private final ProblemResponses problems;
    private final ApiKeyRateLimiter rateLimiter;
    private final SecurityLog securityLog;
    private final Clock clock;
    private final Map<UUID, Instant> lastRecordedUse = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastRecordedThrottle = new ConcurrentHashMap<>();

    public ApiKeyAuthenticationFilter(
            ApiKeyStore keys,
            ApiKeyStanding standing,
            ApiKeyCache cache,
            ProblemResponses problems,
            ApiKeyRateLimiter rateLimiter,
            SecurityLog securityLog,
            Clock clock) {
        this.keys = keys;
        this.standing = standing;
        this.cache = cache;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response); // anonymous: the authorization rules answer 401
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            problems.commence(
                    request,
                    response,
                    new BadCredentialsException("the Authorization header must be 'Bearer <api key>'"));
            return;
        }
        Instant now = clock.instant();
        String secret = header.substring(7).trim();
        var key = cache.find(secret, () -> standing.bySecret(secret)).filter(k -> k.usableAt(now));
        if (key.isEmpty()) {
            problems.commence(
                    request,
                    response,
                    new BadCredentialsException(
                            "the API key is unknown, expired or revoked, or its creator may no longer act"));
            return;
        }
        var apiKey = key.get();
        var decision = rateLimiter.tryAcquire(apiKey.id(), apiKey.rateLimitPerSecond());
        if (!decision.allowed()) {
            recordThrottle(apiKey, now);
            problems.tooManyRequests(response, decision.retryAfterSeconds());
            return;
        }
        var actor = new Actor(
                Actor.Kind.API_KEY,
                apiKey.id().toString(),
                apiKey.name(),
                new Permissions(apiKey.permissions()),
                apiKey.person());
        SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor));
        recordUse(apiKey.id(), request.getRemoteAddr(), now);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The security log hears of a throttled key at most once a minute per node, not once per refused request. */
    private void recordThrottle(ApiKeyStore.ApiKey key, Instant now) {
        Instant last = lastRecordedThrottle.get(key.id());
        if (last == null || last.plus(USE_RECORDING_INTERVAL).isBefore(now)) {
            lastRecordedThrottle.put(key.id(), now);
            securityLog.recordAnonymous(
                    SecurityEvents.API_KEY_RATE_LIMITED, "api_key:" + key.id(), Map.of("name", key.name()));
        }
    }

    private void recordUse(UUID id, String ip, Instant now) {
        Instant last = lastRecordedUse.get(id);
        if (last == null || last.plus(USE_RECORDING_INTERVAL).isBefore(now)) {
            lastRecordedUse.put(id, now);
            keys.recordUse(id, ip, now);
        }
    }
}
