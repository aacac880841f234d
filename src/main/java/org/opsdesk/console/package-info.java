/**
 * The frame of every console page: the layout (left navigation, top bar with search, language switch and the
 * operator's name), the shared page parts (status chips, money, times), the stylesheet and script, and the
 * message bundle for them. Pages themselves belong to the module whose data they show ({@code operations},
 * {@code reports}, {@code access}, ...) and reuse the layout by template name ({@code console/layout}); they need
 * no Java dependency on this module. Publishes {@link org.opsdesk.console.ConsoleFormat}, the formatter templates
 * call as {@code @consoleFormat}.
 */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package org.opsdesk.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
