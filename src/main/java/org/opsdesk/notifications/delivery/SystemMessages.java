package org.opsdesk.notifications.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.templates.MessageModel;
import org.opsdesk.notifications.templates.MessageRenderer;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.notifications.templates.TemplateFiles;
import org.opsdesk.notifications.templates.TemplatePart;
import org.opsdesk.notifications.webhooks.WebhookEndpoint;
import org.opsdesk.operations.OperationSnapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails Opsdesk writes on its own behalf, in {@code opsdesk.notifications.staff-locale}: {@code
 * system/delivery_failed} to the alert mailbox and {@code system/endpoint_disabled} to an endpoint's owner. Their
 * templates are checked at start-up like the rules' (every locale, every email part, known variables only), so a
 * broken override stops the start instead of an alert that cannot be written when it is needed.
 *
 * <ul>
 *   <li>{@code delivery_failed}: {@code delivery} ({@code id}, {@code channel}, {@code recipient}, {@code audience},
 *       {@code eventType}, {@code operationId}, {@code attempts}, {@code lastError}, {@code createdAt}) and {@code
 *       operation} ({@code id}, {@code reference}, {@code type}; null when there is none or it cannot be read)
 *   <li>{@code endpoint_disabled}: {@code endpoint} ({@code id}, {@code url}, {@code description}, {@code
 *       failingSince}, {@code disabledAt}, {@code lastError})
 * </ul>
 */
@Component
class SystemMessages {

    static final String DELIVERY_FAILED = "system/delivery_failed";
    static final String ENDPOINT_DISABLED = "system/endpoint_disabled";

    private static final Map<String, Set<String>> ROOTS =
            Map.of(DELIVERY_FAILED, Set.of("delivery", "operation"), ENDPOINT_DISABLED, Set.of("endpoint"));
    private static final Set<TemplatePart> EMAIL = EnumSet.allOf(TemplatePart.class);

    private final MessageRenderer renderer;
    private final String locale;

    SystemMessages(
            TemplateFiles files,
            MessageRenderer renderer,
            @Value("${opsdesk.notifications.staff-locale:en}") String staffLocale) {
        var problems = new ArrayList<String>();
        ROOTS.forEach((template, roots) -> problems.addAll(files.problems(template, EMAIL, roots)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Invalid system message templates:\n  - " + String.join("\n  - ", problems));
        }
        this.renderer = renderer;
        this.locale = MessageRenderer.offered(staffLocale);
    }

    /** Tells the alert mailbox that a delivery failed for good. */
    RenderedMessage deliveryFailed(Delivery failed, @Nullable OperationSnapshot operation) {
        var delivery = new HashMap<String, @Nullable Object>();
        delivery.put("id", failed.id().toString());
        delivery.put("channel", failed.channel());
        delivery.put("recipient", failed.recipient());
        delivery.put("audience", failed.audience());
        delivery.put("eventType", failed.eventType());
        delivery.put(
                "operationId",
                failed.operationId() == null ? null : failed.operationId().toString());
        delivery.put("attempts", failed.attempts());
        delivery.put("lastError", failed.lastError());
        delivery.put("createdAt", MessageModel.time(failed.createdAt(), locale));
        Map<String, @Nullable Object> op = null;
        if (operation != null) {
            op = new HashMap<>();
            op.put("id", operation.id().toString());
            op.put("reference", operation.reference());
            op.put("type", operation.type());
        }
        var model = new HashMap<String, Object>();
        model.put("delivery", delivery);
        if (op != null) {
            model.put("operation", op);
        }
        return renderer.render(DELIVERY_FAILED, EMAIL, model, locale);
    }

    /** Tells an endpoint's owner that it was disabled after failing continuously since {@code failingSince}. */
    RenderedMessage endpointDisabled(
            WebhookEndpoint disabled, Instant failingSince, @Nullable String lastError, Instant disabledAt) {
        var endpoint = new HashMap<String, @Nullable Object>();
        endpoint.put("id", disabled.id().toString());
        endpoint.put("url", disabled.url());
        endpoint.put("description", disabled.description());
        endpoint.put("failingSince", MessageModel.time(failingSince, locale));
        endpoint.put("disabledAt", MessageModel.time(disabledAt, locale));
        endpoint.put("lastError", lastError);
        return renderer.render(ENDPOINT_DISABLED, EMAIL, Map.of("endpoint", endpoint), locale);
    }
}
