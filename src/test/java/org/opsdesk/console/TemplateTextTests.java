package org.opsdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * No console template shows text of its own: every word a person reads comes from the message bundles, so that
 * every page exists in all four languages. A template may keep sample text for designers, but only where
 * Thymeleaf replaces it ({@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert} on the element or
 * an enclosing one).
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final List<String> READ_ATTRIBUTES =
            List.of("placeholder", "title", "aria-label", "alt", "value", "data-confirm", "label");
    // The product's name, punctuation, numbers and symbols need no translation.
    private static final Pattern NEUTRAL = Pattern.compile("(Opsdesk|[\\p{P}\\p{S}\\p{N}\\s])*");

    @Test
    void everyTextAPersonReadsComesFromTheMessageBundles() throws IOException {
        var findings = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var document = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.htmlParser());
                for (Element element : document.getAllElements()) {
                    if (replaced(element)
                            || element.tagName().equals("script")
                            || element.tagName().equals("style")) {
                        continue;
                    }
                    String own = element.ownText().strip();
                    if (!own.isEmpty() && !NEUTRAL.matcher(own).matches()) {
                        findings.add(TEMPLATES.relativize(file) + ": <" + element.tagName() + "> \"" + own + "\"");
                    }
                    for (String attribute : READ_ATTRIBUTES) {
                        String value = element.attr(attribute).strip();
                        if (!value.isEmpty()
                                && !NEUTRAL.matcher(value).matches()
                                && !element.hasAttr("th:" + attribute)
                                && !element.hasAttr("th:attr")
                                && !(attribute.equals("value") && !isButtonLike(element))) {
                            findings.add(TEMPLATES.relativize(file) + ": <" + element.tagName() + " " + attribute
                                    + "=\"" + value + "\">");
                        }
                    }
                }
            }
        }
        assertThat(findings)
                .as("text in templates that no message bundle supplies")
                .isEmpty();
    }

    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    // A value is shown only on buttons; elsewhere it is data sent with a form.
    private static boolean isButtonLike(Element element) {
        String type = element.attr("type");
        return element.tagName().equals("input") && (type.equals("submit") || type.equals("button"));
    }
}
