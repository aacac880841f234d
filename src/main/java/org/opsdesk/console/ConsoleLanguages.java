package org.opsdesk.console;

import java.util.List;

/** The console's languages, each named in itself as a language menu should name it. */
final class ConsoleLanguages {

    record Language(String tag, String name) {}

    static final List<Language> ALL = List.of(
            new Language("en", "English"),
            new Language("pt-BR", "Português (Brasil)"),
            new Language("nl", "Nederlands"),
            new Language("pl", "Polski"));

    private ConsoleLanguages() {}
}
