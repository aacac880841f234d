package org.opsdesk.actions.declarations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.YamlFileSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads {@code classpath*:actions/*.yaml} and the optional {@code opsdesk.actions.dir}, and validates them against the
 * handlers and target kinds the application runs with; any problem refuses the start, listing every one.
 */
@Configuration(proxyBeanMethods = false)
class ActionDeclarationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ActionDeclarationConfiguration.class);

    @Bean
    ActionDeclarations actionDeclarations(
            Currencies currencies,
            ObjectProvider<ActionHandler> handlerBeans,
            ObjectProvider<ActionTargets> targetBeans,
            @Value("${opsdesk.actions.dir:}") @Nullable String overrideDirectory) {
        var errors = new ArrayList<String>();
        List<ActionHandler> handlers = handlerBeans.orderedStream().toList();
        List<ActionTargets> targets = targetBeans.orderedStream().toList();
        var handlersById = byKey(handlers, ActionHandler::actionId, "ActionHandler beans for the action", errors);
        var targetsByKind = byKey(targets, ActionTargets::kind, "ActionTargets beans for the kind", errors);
        Path directory = overrideDirectory == null || overrideDirectory.isBlank() ? null : Path.of(overrideDirectory);
        var files = YamlFileSet.read("classpath*:actions/*.yaml", directory, ActionFile.class, "actions", errors);
        Map<String, ActionDefinition> definitions = new DeclarationValidator(
                        currencies, targetsByKind.keySet(), handlersById.keySet())
                .validate(files, errors);
        if (!errors.isEmpty()) {
            throw new InvalidActionDeclarations(errors);
        }
        log.info(
                "Actions: {} declared, {} listed for existing endpoints",
                definitions.values().stream().filter(d -> !d.isEndpoint()).count(),
                definitions.values().stream()
                        .filter(ActionDefinition::isEndpoint)
                        .count());
        return new ActionDeclarations(definitions, handlersById, targetsByKind);
    }

    private static <T> Map<String, T> byKey(
            List<T> beans, java.util.function.Function<T, String> key, String what, List<String> errors) {
        var byKey = new HashMap<String, T>();
        for (T bean : beans) {
            T before = byKey.put(key.apply(bean), bean);
            if (before != null) {
                errors.add("two " + what + " '" + key.apply(bean) + "': "
                        + before.getClass().getName() + " and "
                        + bean.getClass().getName());
            }
        }
        return byKey;
    }
}
