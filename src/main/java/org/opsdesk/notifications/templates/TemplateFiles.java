package org.opsdesk.notifications.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * Finds template files: {@code <directory>/<template>.<locale>.<part>} in the override directory first, then on
 * the classpath under {@code notifications/templates/}. Template names are {@code type/stage}-like paths of
 * lowercase codes, so nothing outside those two roots can be named.
 */
public final class TemplateFiles {

    /** The languages every template exists in; {@code en} is the fallback. */
    public static final List<String> LOCALES = List.of("en", "pt-BR", "nl", "pl");

    public static final String FALLBACK_LOCALE = "en";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)*");
    private static final String CLASSPATH_ROOT = "notifications/templates/";

    private final @Nullable Path overrideDirectory;

    public TemplateFiles(@Nullable Path overrideDirectory) {
        this.overrideDirectory = overrideDirectory;
    }

    public static boolean validName(String template) {
        return NAME.matcher(template).matches();
    }

    /** The file's text in exactly this locale, if there is one. */
    public Optional<String> read(String template, String locale, TemplatePart part) {
        if (!validName(template) || !LOCALES.contains(locale)) {
            return Optional.empty();
        }
        String relative = template + "." + locale + "." + part.suffix();
        if (overrideDirectory != null) {
            Path file = overrideDirectory.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read template " + file, e);
                }
            }
        }
        var resource = new ClassPathResource(CLASSPATH_ROOT + relative);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    /**
     * What is wrong with a template, as messages: a part missing in one of the locales, or a part using variables
     * other than {@code roots}. Empty when it is complete.
     */
    public List<String> problems(String template, Set<TemplatePart> parts, Set<String> roots) {
        var problems = new ArrayList<String>();
        for (String locale : LOCALES) {
            for (TemplatePart part : parts) {
                var text = read(template, locale, part);
                if (text.isEmpty()) {
                    problems.add("template '" + template + "' has no " + locale + " " + part.suffix() + " ("
                            + describe(template, locale, part) + ")");
                } else if (!TemplateVariables.unknown(text.get(), roots).isEmpty()) {
                    problems.add("template '" + template + "' (" + locale + " " + part.suffix() + ") uses unknown "
                            + "variables " + TemplateVariables.unknown(text.get(), roots) + "; known: " + roots);
                }
            }
        }
        return problems;
    }

    /** Where a template's file is looked for, for error messages. */
    public String describe(String template, String locale, TemplatePart part) {
        String relative = template + "." + locale + "." + part.suffix();
        return overrideDirectory == null
                ? "classpath:" + CLASSPATH_ROOT + relative
                : overrideDirectory.resolve(relative) + " or classpath:" + CLASSPATH_ROOT + relative;
    }
}
