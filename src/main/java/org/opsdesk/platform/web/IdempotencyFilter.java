package org.opsdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes POST and PATCH requests with an {@code Idempotency-Key} safe to retry (IETF httpapi idempotency-key
 * draft). Keys belong to the calling principal. The request runs in one transaction together with the storing
 * of its response, so an applied change and its stored answer commit or vanish together — a refusal too, unless it
 * marked the transaction rollback-only (then nothing it wrote survives and the refusal is stored alone). The same key and body
 * replays the stored response (errors included) with {@code Idempotency-Replayed: true}; another body is 422; a
 * key whose first request is still running is 409.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyStore store;
    private final PlatformTransactionManager transactions;
    private final ProblemWriter problems;
    private final Clock clock;

    IdempotencyFilter(
            IdempotencyStore store, PlatformTransactionManager transactions, ProblemWriter problems, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null
                || !("POST".equals(method) || "PATCH".equals(method))
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(
                    response,
                    Problems.of(
                            400,
                            "invalid-idempotency-key",
                            "Invalid Idempotency-Key",
                            "Idempotency-Key must be 1 to 255 visible ASCII characters",
                            List.of(new FieldError(HEADER, "1 to 255 visible ASCII characters"))));
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)) {
            chain.doFilter(request, response); // unauthenticated: security answers, nothing to remember
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLarge tooLarge) {
            problems.write(
                    response,
                    Problems.of(413, "body-too-large", "Request body too large", tooLarge.getMessage(), List.of()));
            return;
        }
        byte[] fingerprint = fingerprint(request, body);
        String principal = actor.principalKey();

        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        boolean open = true;
        try {
            var stored = store.find(principal, key);
            if (stored.isEmpty() && !store.tryHold(principal, key)) {
                transactions.rollback(transaction);
                open = false;
                problems.write(
                        response,
                        Problems.of(
                                409,
                                "idempotency-key-in-use",
                                "Request in progress",
                                "a request with this Idempotency-Key is still being processed; retry later",
                                List.of()));
                return;
            }
            if (stored.isEmpty()) {
                stored = store.find(principal, key); // it may have committed just before we took the lock
            }
            if (stored.isPresent()) {
                transactions.rollback(transaction);
                open = false;
                replay(stored.get(), fingerprint, response);
                return;
            }
            var captured = new ContentCachingResponseWrapper(response);
            chain.doFilter(new CachedBody(request, body), captured);
            int status = captured.getStatus();
            var answer = new IdempotencyStore.StoredResponse(
                    fingerprint, status, headers(captured), captured.getContentAsByteArray());
            if (status < 500 && !transaction.isRollbackOnly()) {
                // What the request wrote commits with its answer, a refusal included: some refusals carry a part that
                // must commit (an approval found void stays void), and a replay must describe what is in the database.
                store.save(principal, key, answer, clock.instant());
                transactions.commit(transaction);
                open = false;
            } else {
                transactions.rollback(transaction);
                open = false;
                if (status >= 400 && status < 500) {
                    // A refusal that rolled back on purpose wrote nothing: stored on its own, it still tells the truth.
                    // A server failure is not stored: it may be retried.
                    new TransactionTemplate(transactions)
                            .executeWithoutResult(s -> store.save(principal, key, answer, clock.instant()));
                }
            }
            captured.copyBodyToResponse();
        } finally {
            if (open) {
                transactions.rollback(transaction);
            }
        }
    }

    private void replay(IdempotencyStore.StoredResponse stored, byte[] fingerprint, HttpServletResponse response)
            throws IOException {
        if (!MessageDigest.isEqual(stored.fingerprint(), fingerprint)) {
            problems.write(
                    response,
                    Problems.of(
                            422,
                            "idempotency-key-reused",
                            "Idempotency-Key reused",
                            "this Idempotency-Key was used for a different request; use a new key for a new request",
                            List.of(new FieldError(HEADER, "already used with another request body or target"))));
            return;
        }
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader("Idempotency-Replayed", "true");
        response.getOutputStream().write(stored.body());
    }

    private static Map<String, String> headers(ContentCachingResponseWrapper response) {
        var kept = new LinkedHashMap<String, String>();
        if (response.getContentType() != null) {
            kept.put(HttpHeaders.CONTENT_TYPE, response.getContentType());
        }
        for (String name : KEPT_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so it can be read again downstream. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = Arrays.copyOf(body, body.length);
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
