package org.opsdesk.notifications.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Clients;
import org.opsdesk.notifications.templates.MessageRenderer;
import org.opsdesk.notifications.templates.TemplateFiles;
import org.opsdesk.workflow.Workflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Reads and validates the rules and the templates they name before anything can send; broken files stop the start. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

    @Bean
    TemplateFiles notificationTemplateFiles(@Value("${opsdesk.notifications.templates-dir:}") String directory) {
        return new TemplateFiles(path(directory));
    }

    @Bean
    MessageRenderer notificationMessageRenderer(TemplateFiles files) {
        return new MessageRenderer(files);
    }

    @Bean
    NotificationMessages notificationMessages(
            MessageRenderer renderer,
            Clients clients,
            @Value("${opsdesk.notifications.staff-locale:en}") String staffLocale) {
        return new NotificationMessages(renderer, clients, staffLocale);
    }

    @Bean
    NotificationRules notificationRules(
            Workflows workflows,
            TemplateFiles templates,
            Environment environment,
            @Value("${opsdesk.notifications.rules-dir:}") String directory) {
        var errors = new ArrayList<String>();
        var sources = new RuleFileReader().read(path(directory), errors);
        var rules = new RuleValidator(workflows.all(), templates).validate(sources, errors);
        if (!errors.isEmpty()) {
            throw new InvalidNotificationRules(errors);
        }
        Map<String, String> mailboxes = Binder.get(environment)
                .bind("opsdesk.notifications.team-mailboxes", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        rules.stream()
                .filter(r -> r.audience() == Audience.TEAM
                        && mailboxes.getOrDefault(r.role(), "").isBlank())
                .forEach(r -> log.warn(
                        "Notification rule {} notifies the {} team, which has no mailbox configured "
                                + "(opsdesk.notifications.team-mailboxes.{}): its notifications will be skipped",
                        r.id(),
                        r.role(),
                        r.role()));
        log.info("{} notification rules in force", rules.size());
        return new NotificationRules(rules, mailboxes);
    }

    private static @Nullable Path path(@Nullable String directory) {
        return directory == null || directory.isBlank() ? null : Path.of(directory);
    }
}
