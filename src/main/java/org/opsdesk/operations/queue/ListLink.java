package org.opsdesk.operations.queue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFilters;

/**
 * The list's state as it lives in its URL: the API's filter parameters (so a filtered list is one shareable link,
 * and the same query string works for the API and the CSV export) plus the page's own {@code columns} and
 * {@code limit}. Immutable: {@link #with} and {@link #without} give the links of tabs, chips and the pager.
 */
public final class ListLink {

    static final String PATH = "/operations";
    static final List<String> PAGE_PARAMETERS = List.of("columns", "limit");
    static final List<String> ALL_PARAMETERS = Stream.concat(
                    OperationFilters.PARAMETERS.stream(), PAGE_PARAMETERS.stream())
            .toList();

    /** A filter in force, shown as a removable chip. */
    public record Chip(String name, String value, String removeHref) {}

    private final Map<String, String> values;

    private ListLink(Map<String, String> values) {
        this.values = values;
    }

    static ListLink of(Function<String, @Nullable String> parameter) {
        var values = new LinkedHashMap<String, String>();
        for (String name : ALL_PARAMETERS) {
            String value = parameter.apply(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
        return new ListLink(values);
    }

    /** From a stored query string such as {@code type=withdrawal&status=PENDING}; unknown names are dropped. */
    static ListLink parse(String query) {
        var parsed = new LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parsed.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return of(parsed::get);
    }

    @Nullable
    String get(String name) {
        return values.get(name);
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }

    ListLink with(String name, String value) {
        var copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new ListLink(copy);
    }

    ListLink without(String name) {
        var copy = new LinkedHashMap<>(values);
        copy.remove(name);
        return new ListLink(copy);
    }

    /** The query string in a fixed order, so equal lists have equal links. */
    String query() {
        return ALL_PARAMETERS.stream()
                .filter(values::containsKey)
                .map(name -> encode(name) + "=" + encode(values.get(name)))
                .collect(Collectors.joining("&"));
    }

    String href() {
        String query = query();
        return query.isEmpty() ? PATH : PATH + "?" + query;
    }

    /** This list from the row after {@code cursor}. */
    String hrefAfter(String cursor) {
        String query = query();
        return PATH + "?" + (query.isEmpty() ? "" : query + "&") + "cursor=" + encode(cursor);
    }

    /** The filters in force (not the sort or the page's own settings), each with the link that removes it. */
    List<Chip> chips() {
        var chips = new ArrayList<Chip>();
        for (String name : OperationFilters.PARAMETERS) {
            if (values.containsKey(name) && !name.equals("sort")) {
                chips.add(new Chip(name, values.get(name), without(name).href()));
            }
        }
        return chips;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
