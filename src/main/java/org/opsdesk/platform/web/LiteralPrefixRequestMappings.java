package org.opsdesk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings with a cheap first test. A request whose path holds a variable ({@code
 * /api/v1/operations/{id}/transitions}) is checked against every mapping, and each check starts with the method,
 * the content types and the Accept header, read through every request wrapper, before the path: 7–8% of the CPU
 * of an API transition (JFR, ADR 0019). Here a mapping none of whose patterns' literal beginnings (up to the first
 * variable or wildcard) starts the path is passed over at once; that beginning is necessary for the pattern to
 * match, so the mapping chosen, and every 404, 405 and 415, stay what they were. Paths with percent-escapes or
 * path parameters ({@code ;}), which patterns match decoded, are left to the full check. Likewise a mapping
 * declared for other methods is passed over for a GET, POST, PUT, PATCH or DELETE (HEAD, OPTIONS and CORS
 * pre-flights, which Spring matches by rules of their own, get the full check).
 */
final class LiteralPrefixRequestMappings extends RequestMappingHandlerMapping {

    private static final String[] ANY = {""};
    private static final Set<String> PLAIN_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** What a mapping needs at the least: a path starting with one of its beginnings, one of its methods if any. */
    private record Needs(String[] beginnings, Set<String> methods) {}

    /** The request being looked up: its path and method, each null when the full check must decide. */
    private record Lookup(@Nullable String path, @Nullable String method) {}

    /**
     * By identity, filled as mappings are registered (at startup): a lookup by {@code RequestMappingInfo.hashCode}
     * and {@code equals}, per mapping and request, cost as much as the checks it saves. Replaced, never changed.
     */
    private volatile Map<RequestMappingInfo, Needs> needs = new IdentityHashMap<>();

    private final ThreadLocal<@Nullable Lookup> lookup = new ThreadLocal<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        remember(mapping);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        remember(mapping);
    }

    private synchronized void remember(RequestMappingInfo mapping) {
        var copy = new IdentityHashMap<>(needs);
        var methods = mapping.getMethodsCondition().getMethods().stream()
                .map(Enum::name)
                .collect(Collectors.toUnmodifiableSet());
        copy.put(mapping, new Needs(of(mapping), methods));
        needs = copy;
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String path, HttpServletRequest request) throws Exception {
        String method = request.getMethod();
        lookup.set(new Lookup(
                path.indexOf('%') < 0 && path.indexOf(';') < 0 ? path : null,
                PLAIN_METHODS.contains(method) ? method : null));
        try {
            return super.lookupHandlerMethod(path, request);
        } finally {
            lookup.remove();
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup now = lookup.get();
        Needs needed = now == null ? null : needs.get(info); // none for a mapping that did not register here
        if (now != null && needed != null) {
            String path = now.path();
            String method = now.method();
            if (path != null && !startsWithAny(path, needed.beginnings())) {
                return null;
            }
            if (method != null
                    && !needed.methods().isEmpty()
                    && !needed.methods().contains(method)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Each pattern's text up to its first variable or wildcard; {@link #ANY} when there is nothing to go on. */
    static String[] of(RequestMappingInfo info) {
        var condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return ANY;
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(LiteralPrefixRequestMappings::literalBeginning)
                .toArray(String[]::new);
    }

    static String literalBeginning(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }
}
