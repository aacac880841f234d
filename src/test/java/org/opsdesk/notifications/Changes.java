package org.opsdesk.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Status;

/**
 * Builds {@link StatusChanged} events, {@code Changes.of("deposit").to("completed", SUCCESS).build()}, and {@link
 * AttributesChanged} ones, {@code Changes.of("exchange_order").attributes(after).edited("{\"rate\":\"4.1\"}")}.
 */
public final class Changes {

    private final String type;
    private String reference = "REF-1001";
    private String subject = "client-42";
    private @Nullable String fromStage = "processing";
    private @Nullable Status fromStatus = Status.PENDING;
    private String toStage = "completed";
    private Status toStatus = Status.SUCCESS;
    private @Nullable Money amount = new Money(new BigDecimal("1234.50"), new CurrencyCode("EUR", 2));
    private @Nullable String assignee;
    private @Nullable String reason;
    private String attributesJson = "{}";

    private Changes(String type) {
        this.type = type;
    }

    public static Changes of(String type) {
        return new Changes(type);
    }

    public Changes from(String stage, Status status) {
        this.fromStage = stage;
        this.fromStatus = status;
        return this;
    }

    public Changes to(String stage, Status status) {
        this.toStage = stage;
        this.toStatus = status;
        return this;
    }

    public Changes reference(String value) {
        this.reference = value;
        return this;
    }

    public Changes subject(String value) {
        this.subject = value;
        return this;
    }

    public Changes amount(@Nullable Money value) {
        this.amount = value;
        return this;
    }

    public Changes assignee(@Nullable String value) {
        this.assignee = value;
        return this;
    }

    public Changes reason(@Nullable String value) {
        this.reason = value;
        return this;
    }

    /** The operation's attributes, a JSON object as text. */
    public Changes attributes(String json) {
        this.attributesJson = json;
        return this;
    }

    public StatusChanged build() {
        var snapshot = snapshot();
        return new StatusChanged(
                UUID.randomUUID(),
                snapshot.updatedAt(),
                fromStage,
                fromStatus,
                toStage,
                toStatus,
                "operator",
                "op-1",
                "Olga Operator",
                reason,
                false,
                snapshot);
    }

    /**
     * An edit of the attributes, in the {@code to} stage, that leaves them as {@link #attributes} says.
     *
     * @param previousJson the changed keys' values before (a JSON object): its keys are the keys that changed
     */
    public AttributesChanged edited(String previousJson) {
        var changed = new java.util.TreeSet<String>();
        tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(previousJson)
                .propertyNames()
                .forEach(changed::add);
        var snapshot = snapshot();
        return new AttributesChanged(
                UUID.randomUUID(),
                snapshot.updatedAt(),
                "operator",
                "op-1",
                "Olga Operator",
                reason,
                List.copyOf(changed),
                previousJson,
                snapshot);
    }

    private OperationSnapshot snapshot() {
        Instant at = Instant.parse("2026-11-23T10:15:30Z");
        return new OperationSnapshot(
                UUID.randomUUID(),
                type,
                1,
                reference,
                subject,
                toStatus,
                toStage,
                amount,
                assignee,
                attributesJson,
                2,
                at,
                at,
                at,
                null);
    }
}
