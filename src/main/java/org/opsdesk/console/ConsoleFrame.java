package org.opsdesk.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the layout shows around a page: who is signed in, the navigation this operator may use, and the links that
 * switch the language of this same page.
 *
 * @param operatorName the signed-in operator's display name, or empty on pages before sign-in
 * @param navigation the entries of the left navigation this operator may open
 * @param languages one link per console language, to this page with {@code ?lang=}
 * @param page this page's address without {@code lang}, where the signed-in operator's language switch (a POST
 *     that changes their profile) returns
 */
public record ConsoleFrame(String operatorName, List<NavEntry> navigation, List<LanguageLink> languages, String page) {

    /** A navigation entry: its id (matched by pages to mark the current one), message key and address. */
    public record NavEntry(String id, String label, String href) {}

    /**
     * A language: its tag, its name in that language, the link (null when signed in: the language is then a button of
     * the layout's one form), and whether it is the page's language now.
     */
    public record LanguageLink(String tag, String name, @Nullable String href, boolean current) {}
}
