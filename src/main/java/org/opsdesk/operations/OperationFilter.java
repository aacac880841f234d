package org.opsdesk.operations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.Status;

/**
 * The filters of the operations list; empty lists, nulls and false mean "any".
 *
 * @param unassigned only operations nobody is assigned to (the work queue)
 * @param q free text: operations whose reference starts with it or whose subject is exactly it
 */
public record OperationFilter(
        List<String> types,
        List<Status> statuses,
        List<String> stages,
        @Nullable String subject,
        @Nullable String assignee,
        boolean unassigned,
        @Nullable String reference,
        @Nullable String q,
        @Nullable String currency,
        @Nullable BigDecimal amountMin,
        @Nullable BigDecimal amountMax,
        @Nullable Instant createdFrom,
        @Nullable Instant createdTo,
        @Nullable Instant updatedFrom,
        @Nullable Instant updatedTo,
        Sort sort) {

    /** Every operation of one type about one subject, newest first (a client's orders, their verifications). */
    public static OperationFilter ofSubject(String type, String subject) {
        return new OperationFilter(
                List.of(type),
                List.of(),
                List.of(),
                subject,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Sort.CREATED_DESC);
    }

    /** Newest first by default; keyset pagination follows the chosen time and the id. */
    public enum Sort {
        CREATED_DESC("created_at", true, "-createdAt"),
        CREATED_ASC("created_at", false, "createdAt"),
        UPDATED_DESC("updated_at", true, "-updatedAt"),
        UPDATED_ASC("updated_at", false, "updatedAt");

        public final String column;
        public final boolean descending;
        public final String code;

        Sort(String column, boolean descending, String code) {
            this.column = column;
            this.descending = descending;
            this.code = code;
        }
    }
}
