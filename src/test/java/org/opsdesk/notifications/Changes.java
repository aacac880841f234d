package org.opsdesk.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Status;

/** Builds {@link StatusChanged} events: {@code Changes.of("deposit").to("completed", SUCCESS).build()}. */
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
        Instant at = Instant.parse("2026-11-23T10:15:30Z");
        var snapshot = new OperationSnapshot(
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
        return new StatusChanged(
                UUID.randomUUID(),
                at,
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
}
