package org.opsdesk.notifications.rules;

import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.ClientContact;
import org.opsdesk.clients.Clients;
import org.opsdesk.notifications.templates.MessageModel;
import org.opsdesk.notifications.templates.MessageRenderer;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.operations.OperationEvent;

/**
 * The text a rule's notification carries for a change: in the client's language for the client audience, in
 * {@code opsdesk.notifications.staff-locale} for operators and team mailboxes. For manual rules this is the preview
 * the operator sees, edits and sends.
 */
public class NotificationMessages {

    private final MessageRenderer renderer;
    private final Clients clients;
    private final String staffLocale;

    public NotificationMessages(MessageRenderer renderer, Clients clients, String staffLocale) {
        this.renderer = renderer;
        this.clients = clients;
        this.staffLocale = MessageRenderer.offered(staffLocale);
    }

    /** The message in the recipient's language. */
    public RenderedMessage compose(NotificationRule rule, OperationEvent event) {
        ClientContact client = clients.find(event.operation().subject()).orElse(null);
        String locale = rule.audience() == Audience.CLIENT && client != null ? client.locale() : staffLocale;
        return render(rule, event, client, locale);
    }

    /** The language {@link #compose} renders in: the client's for the client audience, the staff's otherwise. */
    public String locale(NotificationRule rule, OperationEvent event) {
        if (rule.audience() != Audience.CLIENT) {
            return staffLocale;
        }
        return MessageRenderer.offered(clients.find(event.operation().subject())
                .map(ClientContact::locale)
                .orElse(staffLocale));
    }

    /** The message in a chosen language, e.g. the preview of a manual rule in the recipient's language. */
    public RenderedMessage preview(NotificationRule rule, OperationEvent event, String locale) {
        return render(rule, event, clients.find(event.operation().subject()).orElse(null), locale);
    }

    private RenderedMessage render(
            NotificationRule rule, OperationEvent event, @Nullable ClientContact client, String locale) {
        if (rule.template() == null) {
            throw new IllegalArgumentException("rule " + rule.id() + " sends the event itself, not a message");
        }
        String language = MessageRenderer.offered(locale);
        var model = MessageModel.of(event, client == null ? null : client.name(), language);
        return renderer.render(rule.template(), RuleValidator.partsFor(rule.channel()), model, language);
    }
}
