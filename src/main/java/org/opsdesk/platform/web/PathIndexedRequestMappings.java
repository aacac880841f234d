package org.opsdesk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, looked up through an index by path. For a path that is not some mapping's exact
 * path ({@code /api/v1/operations/{id}/transitions}), Spring checks every registered mapping (about 150 here), each
 * check reading the method, the content type and {@code Accept} through every request wrapper before it gets to
 * the path: 15% of the application's CPU on an API transition (JFR, ADR 0019). Here only the mappings that can
 * match are checked: those with a pattern whose literal beginning (its text up to the first variable or wildcard)
 * starts the path. That beginning is necessary for the pattern to match, so the candidates hold every mapping Spring
 * would have found, and the best of them is chosen with Spring's own checks and ordering.
 *
 * <p>Whatever is not the plain case goes to Spring's own lookup unchanged: a path that is some mapping's exact path
 * (Spring looks those up directly), a path with percent-escapes (matched decoded), CORS pre-flights, two candidates
 * Spring would call ambiguous, and no match at all (so 404, 405 and 415 are Spring's, for Spring's reasons).
 * {@code PathIndexedRequestMappingsTests} holds the chosen handler, the path variables and every refusal to Spring's.
 */
final class PathIndexedRequestMappings extends RequestMappingHandlerMapping {

    /** A registered mapping, its handler, and what a path must start with for one of its patterns to match. */
    private record Candidate(RequestMappingInfo mapping, HandlerMethod handler, String[] beginnings) {}

    /**
     * Candidates by their beginnings' text up to and including the last {@code /} (a path's possible keys are then
     * its own prefixes ending in {@code /}, a handful per request), and the paths some mapping has exactly.
     */
    private record Index(Map<String, List<Candidate>> byKey, Set<String> directPaths) {}

    /**
     * Null until every mapping found at startup is registered (Spring's lookup answers until then); replaced
     * whenever mappings are registered or removed later ({@code registerMapping}).
     */
    private volatile @Nullable Index index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index = indexOf(handlerMethods);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        reindex();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        reindex();
    }

    private void reindex() {
        if (index != null) {
            index = indexOf(getHandlerMethods());
        }
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        Index current = index;
        if (current == null
                || lookupPath.indexOf('%') >= 0
                || current.directPaths().contains(lookupPath)
                || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        var checked = new ArrayList<Candidate>(8);
        var matches = new ArrayList<Candidate>(2);
        for (List<Candidate> candidates : candidatesFor(lookupPath, current)) {
            for (Candidate candidate : candidates) {
                if (startsWithAny(lookupPath, candidate.beginnings()) && !containsSame(checked, candidate)) {
                    checked.add(candidate);
                    RequestMappingInfo matched = getMatchingMapping(candidate.mapping(), request);
                    if (matched != null) {
                        matches.add(new Candidate(matched, candidate.handler(), candidate.beginnings()));
                    }
                }
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request); // Spring's 404, 405 or 415
        }
        Candidate best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> order = getMappingComparator(request);
            matches.sort((a, b) -> order.compare(a.mapping(), b.mapping()));
            best = matches.get(0);
            if (order.compare(best.mapping(), matches.get(1).mapping()) == 0) {
                return super.lookupHandlerMethod(lookupPath, request); // Spring reports the ambiguity
            }
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.mapping(), lookupPath, request);
        return best.handler();
    }

    /** The candidate lists under every key the path could have: "", "/", "/api/", "/api/v1/", … */
    private static List<List<Candidate>> candidatesFor(String path, Index index) {
        var lists = new ArrayList<List<Candidate>>(6);
        addIfPresent(lists, index.byKey().get(""));
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            addIfPresent(lists, index.byKey().get(path.substring(0, slash + 1)));
        }
        return lists;
    }

    private static void addIfPresent(List<List<Candidate>> lists, @Nullable List<Candidate> candidates) {
        if (candidates != null) {
            lists.add(candidates);
        }
    }

    /** A mapping with patterns under two keys is reached twice; it must be one match, not an ambiguity. */
    private static boolean containsSame(List<Candidate> checked, Candidate candidate) {
        for (Candidate seen : checked) {
            if (seen == candidate) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String path, String[] beginnings) {
        for (String beginning : beginnings) {
            if (path.startsWith(beginning)) {
                return true;
            }
        }
        return false;
    }

    private Index indexOf(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        var byKey = new HashMap<String, List<Candidate>>();
        var directPaths = new HashSet<String>();
        handlerMethods.forEach((mapping, handler) -> {
            String[] beginnings = beginnings(mapping);
            var candidate = new Candidate(mapping, handler, beginnings);
            var keys = new LinkedHashSet<String>();
            for (String beginning : beginnings) {
                keys.add(beginning.substring(0, beginning.lastIndexOf('/') + 1));
            }
            keys.forEach(
                    key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate));
            directPaths.addAll(getDirectPaths(mapping));
        });
        byKey.replaceAll((key, list) -> List.copyOf(list));
        return new Index(Map.copyOf(byKey), Set.copyOf(directPaths));
    }

    /** Each pattern's literal beginning; a mapping without patterns matches any path (beginning ""). */
    private static String[] beginnings(RequestMappingInfo mapping) {
        var condition = mapping.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return new String[] {""};
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(PathIndexedRequestMappings::literalBeginning)
                .toArray(String[]::new);
    }

    /** The pattern's text up to its first variable or wildcard ({@code {…}}, {@code *}, {@code ?}). */
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
